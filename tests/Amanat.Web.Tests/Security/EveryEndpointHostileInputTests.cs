using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Alerts;
using Amanat.Web.Features.Community;
using Amanat.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Amanat.Web.Tests.Security;

/// <summary>
/// Every endpoint of the route table (so a new page or API route is covered without touching this file)
/// against a generated corpus of hostile input: route values, query strings, form posts with a valid
/// anti-forgery token and otherwise valid fields (as the page itself renders them), JSON bodies that are
/// malformed, of the wrong type, too deep or too large, wrong content types, and all of it also anonymous.
/// Not one answer may be a 5xx. The few handlers that would end the corpus's own session or seal the shared
/// test server are reached only by the requests that must stop before them (no anti-forgery token, anonymous).
/// </summary>
public abstract partial class EveryEndpointHostileInputTests(AmanatApp app, ITestOutputHelper output) : IntegrationTest(app)
{
    private const string Password = "correct horse battery";
    private const string NulInPath = "The path contains null characters.";

    /// <summary>Handlers whose success would end the corpus's own session or break the shared test server, and why.</summary>
    private static readonly Dictionary<string, string> Destructive = new(StringComparer.OrdinalIgnoreCase)
    {
        ["staff/signout"] = "signs the corpus's own session out",
        ["staff/account?handler=everywheresignout"] = "ends every session of the corpus's own account",
        ["staff/admin/keys?handler=seal"] = "seals the shared test server: every session ends and every cookie key is revoked",
        ["staff/admin/keys?handler=passphrase"] = "a hostile passphrase typed twice would switch the shared server to sealed mode and delete its key file",
        ["staff/panic?handler=lock"] = "the panic lock seals the server (it needs the password, which the corpus never sends)",
        ["staff/panic?handler=wipe"] = "the wipe destroys the key store (it needs the password, which the corpus never sends)",
    };

    /// <summary>Query names that pages and the API read without a bound property, tried everywhere.</summary>
    private static readonly string[] CommonNames = ["lang", "page", "q", "format", "from", "to", "code", "handler", "returnUrl", "restore", "theme", "id", "city", "status", "kind", "token"];

    private static readonly HostileValue[] Values = HostileValue.All();

    private static readonly string[] PublicLimits = ["ReportsPerAddressPerHour", "ReportsPerHour", "LookupsPerAddressPerHour", "ChecksPerAddressPerHour", "ChecksPerCodePerHour"];

    private static readonly string[] OtherMethods = ["PATCH", "DELETE", "PUT", "POST", "GET"];

    private static readonly string[] PageOtherMethods = ["PUT", "DELETE", "PATCH", "OPTIONS"];

    /// <summary>JSON values of the wrong kind, malformed strings, too deep or too long.</summary>
    private static readonly string[] JsonValues =
    [
        Quote(new string('x', 10_000)), "\"a\\u0000b\"", "\"\\ud800\"", "1e400", "null", "{}",
        "\"\\u001b[31m\\u202e\\u0007\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"", "\"../../etc/passwd\"", "\"not-a-guid\"",
        "\"00000000-0000-0000-0000-000000000000\"", "\"9999-12-31\"", "\"2026-02-30\"", "-1", "9223372036854775808", "3.5", "true", "[]",
        new string('[', 100) + new string(']', 100), "\"\"", "[\"<script>\"]", "{\"$ne\":null}", "-2147483649",
    ];

    private const int CoreJsonValues = 6;

    private static readonly string[] MalformedJson =
    [
        "", "{", "}", "[]", "null", "1", "\"x\"", "{\"a\":", "{a:1}", "{'a':'b'}", "{\"a\":1,}", "\u0000", "{}garbage", "{\"a\":1}{\"b\":2}",
        new string('[', 500) + new string(']', 500), "{\"a\":" + new string('{', 200) + new string('}', 200) + "}", "\"\\uZZZZ\"", "{\"a\":\"\\x41\"}",
        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "/* comment */ {}", "\ufeff{}", "{\"a\":1, \"a\":2}",
    ];

    private int sequence;

    [Fact]
    public async Task EveryEndpoint_AnswersAGeneratedHostileCorpus_WithoutA5xx()
    {
        var clock = Stopwatch.StartNew();
        await using var server = App.WithWebHostBuilder(builder =>
        {
            // One test address sends thousands of public requests; the hourly limits would answer most with 429 before any handler ran.
            foreach (var name in PublicLimits)
            {
                builder.UseSetting($"Amanat:Community:{name}", "10000000");
            }
        });
        var world = await World.SeedAsync(server);
        var endpoints = await DiscoverAsync(server.Services);
        WebApplicationFactory<Program>? socketServer = null;
        using var socketClient = new HttpClient();
        var run = new Run
        {
            OverSocket = async (method, url) =>
            {
                if (socketServer is null)
                {
                    // A free port: the SQLite and PostgreSQL runs of this test may do this at the same time.
                    socketServer = App.WithWebHostBuilder(builder => builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0"));
                    socketServer.UseKestrel(0);
                    socketServer.StartServer();
                    socketClient.BaseAddress = new Uri(socketServer.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
                }

                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
                using var response = await socketClient.SendAsync(request);
                return (int)response.StatusCode;
            },
        };

        // DELETE last: a valid route with a hostile body may really delete what later cases open.
        var seeded = clock.Elapsed;
        var elapsed = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.OrderBy(e => e.Methods.Contains("DELETE")).ThenBy(e => e.Route, StringComparer.Ordinal))
        {
            var started = clock.Elapsed;
            await world.EnsureSignedInAsync(server, run);
            var cases = endpoint.IsPage ? await PageCasesAsync(endpoint, world) : ApiCases(endpoint, world);
            cases.AddRange(AnonymousCases(endpoint, world));
            foreach (var hostile in cases)
            {
                await run.SendAsync(endpoint.Route, hostile);
            }

            elapsed[endpoint.Route] = elapsed.GetValueOrDefault(endpoint.Route) + (clock.Elapsed - started);
        }

        clock.Stop();
        if (socketServer is not null)
        {
            await socketServer.DisposeAsync();
        }

        var statuses = string.Join(", ", run.Statuses.OrderBy(x => x.Key).Select(x => $"{x.Key}: {x.Value}"));
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} hostile corpus ({App.Provider}): {run.Count} cases over {endpoints.Count} endpoints " +
            $"({endpoints.Count(e => e.IsPage)} pages, {endpoints.Count(e => !e.IsPage)} minimal API); statuses {statuses}; 5xx or no answer: {run.Failures.Count}; not sendable by the client {run.Unsendable.Count}; " +
            $"NUL in the path, sent over a socket to Kestrel: {run.ViaSocket.Values.Sum()} ({string.Join(", ", run.ViaSocket.Select(x => $"{x.Key}: {x.Value}"))}); " +
            $"re-sign-ins {run.SignIns}; {clock.Elapsed.TotalSeconds:F0} s");
        output.WriteLine(line);
        output.WriteLine("By kind: " + string.Join(", ", run.PerKind.OrderByDescending(x => x.Value).Select(x => $"{x.Key} {x.Value}")));
        output.WriteLine($"Seeding the records and discovering the routes: {seeded.TotalSeconds:F0} s");
        foreach (var (route, count) in run.PerEndpoint.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {count,5} cases {elapsed.GetValueOrDefault(route).TotalSeconds,5:F1} s /{route}");
        }

        output.WriteLine("Slowest: " + string.Join("; ", run.Slowest.OrderByDescending(x => x.Milliseconds).Take(5).Select(x => $"{x.Milliseconds} ms {x.Description}")));
        output.WriteLine("Excluded from form posts (only requests that must stop before the handler reach them): "
            + string.Join("; ", Destructive.Select(x => $"{x.Key}: {x.Value}")));
        foreach (var unsendable in run.Unsendable.Take(20))
        {
            output.WriteLine("NOT SENT " + unsendable);
        }

        foreach (var group in run.Failures.GroupBy(FailureKind).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"FAILED {group.Count(),4}× {group.Key}   e.g. {group.First()}");
        }

        await File.AppendAllTextAsync(CrashTests.ResultsFile("crash-test-results.txt"), line + "\n");

        Assert.True(run.Failures.Count == 0, $"{run.Failures.Count} answers were 5xx or none:\n" + string.Join('\n', run.Failures.Take(30)));
        Assert.True(run.Count >= 3_000, $"only {run.Count} cases");
        Assert.All(endpoints, e => Assert.True(run.PerEndpoint.GetValueOrDefault(e.Route) > 0, $"/{e.Route} got no case"));
    }

    /// <summary>
    /// The requests that answered 500 before the corpus ran, one of each kind, with the answer each gets now
    /// (the corpus itself only says "not a 5xx"): a charset nobody decodes, a handler or method a page does not
    /// have, a NUL in a filter (PostgreSQL), a checkbox that is not a yes or no, JSON nulls where lists and
    /// entries belong, a blank working name, a multipart upload cut short.
    /// </summary>
    [Fact]
    public async Task WhatTheCorpusFound_IsAnsweredWithAClear4xx()
    {
        var staff = await StaffClient.SignInNewAsync(App, StaffRoleList.Combine(StaffRoleList.All));
        var api = await StaffClient.TokenClientAsync(App, StaffRoleList.Combine(StaffRoleList.All));
        var day = TestClock.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Incident(string people, string violations = "[\"ST-DEP\"]", string perpetrators = "[]") =>
            $$"""{ "occurredOn": "{{day}}", "cityCode": "ALA", "violations": {{violations}}, "perpetrators": {{perpetrators}}, "people": {{people}}, "unnamedPeople": 1 }""";

        // A blank working name is no name, as in the form: the incident is recorded, the person nameless, no member made.
        using var blank = await api.PostJsonAsync("/api/v1/incidents", Incident("""[{ "workingName": "   ", "consents": {} }]"""));
        Assert.Equal(HttpStatusCode.Created, blank.StatusCode);
        var incident = (await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(0, await App.WithDbAsync(db => db.Members.CountAsync()));

        // JSON nulls where a list or an entry belongs: 400 naming the field, nothing stored.
        foreach (var (body, field) in new[]
        {
            (Incident("[]", violations: "null"), "Violations"),
            (Incident("[]", violations: "[null]"), "Violations"),
            (Incident("null"), "People"),
            (Incident("[null]"), "People[0]"),
            (Incident("""[{ "workingName": "Lola", "consents": null }]"""), "People[0]"),
            (Incident("[]", perpetrators: "[null]"), "Perpetrators[0]"),
        })
        {
            using var refused = await api.PostJsonAsync("/api/v1/incidents", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), body);
        }

        using var noLanguages = await api.PostJsonAsync("/api/v1/members", """{ "workingName": "Malika", "languages": null }""");
        Assert.Equal(HttpStatusCode.BadRequest, noLanguages.StatusCode);
        Assert.True((await noLanguages.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Languages", out _));
        Assert.Equal(1, await App.WithDbAsync(db => db.Incidents.CountAsync()));

        // A body in a charset .NET does not decode: 415, for a page (its localized error page) and for the API (problem details).
        var token = StaffClient.AntiforgeryToken(await staff.Http.GetStringAsync(new Uri("/staff/account/tokens", UriKind.Relative)));
        using var utf7 = await staff.Http.PostAsync(new Uri("/staff/account/tokens?handler=Create&lang=en", UriKind.Relative), Raw($"__af={Uri.EscapeDataString(token)}&Name=x", "application/x-www-form-urlencoded; charset=utf-7"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, utf7.StatusCode);
        Assert.Contains("This kind of data is not accepted.", await utf7.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unknownCharset = await api.PostAsync(new Uri("/api/v1/incidents", UriKind.Relative), Raw(Incident("[]"), "application/json; charset=no-such-charset"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unknownCharset.StatusCode);
        Assert.Equal("application/problem+json", unknownCharset.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await App.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == "x").ToListAsync()));

        // A post to a handler the page does not have: 404; a method it has no handler for: 405 (the page is not rendered half-loaded).
        using var noHandler = await staff.Http.PostAsync(new Uri($"/staff/incidents/{incident}?handler=Nothing", UriKind.Relative), Raw("__af=" + Uri.EscapeDataString(token), "application/x-www-form-urlencoded"));
        using var put = await staff.Http.PutAsync(new Uri($"/staff/incidents/{incident}", UriKind.Relative), Raw("__af=" + Uri.EscapeDataString(token), "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.NotFound, noHandler.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);

        // A NUL in a filter (PostgreSQL cannot compare such text): 400.
        using var nul = await api.GetAsync(new Uri("/api/v1/incidents?city=AL%00A", UriKind.Relative));
        using var nulPage = await staff.Http.GetAsync(new Uri("/staff/incidents?City=%00", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nulPage.StatusCode);

        // A checkbox posted with something other than yes or no: the form comes back with the field's error.
        var form = await staff.Http.GetStringAsync(new Uri("/staff/incidents/new?lang=en", UriKind.Relative));
        var fields = Html.FormFields(form, "incident-form").Where(f => f.Key != "Input.DocumentsTaken").Append(new("Input.DocumentsTaken", "perhaps")).ToList();
        using var checkbox = await staff.PostFieldsAsync("/staff/incidents/new?lang=en", fields.Where(f => f.Key != "__af"), "/staff/incidents/new?lang=en");
        Assert.True((int)checkbox.StatusCode is >= 200 and < 500, checkbox.StatusCode.ToString());
        Assert.Contains("This value is not valid here.", await checkbox.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A multipart upload cut off before its closing boundary: 400, nothing stored.
        using var cut = await api.PostAsync(
            new Uri($"/api/v1/incidents/{incident}/attachments", UriKind.Relative),
            Raw("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8", "multipart/form-data; boundary=b"));
        Assert.Equal(HttpStatusCode.BadRequest, cut.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Attachments.CountAsync()));
    }

    /// <summary>A failure without its varying parts (ids, the hostile value), to group alike ones.</summary>
    private static string FailureKind(string failure) =>
        Regex.Replace(Regex.Replace(failure, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}"), @"(=[^\]]*)?\]$", "]").Split('?')[0]
        + (failure.Contains('[', StringComparison.Ordinal) ? " [" + Regex.Replace(failure[(failure.LastIndexOf('[') + 1)..], "=.*", string.Empty) : string.Empty);

    // ---------------------------------------------------------------- discovery

    /// <summary>Every routed endpoint: Razor pages with their handlers and bound names, minimal API routes with their parameters.</summary>
    private static async Task<List<EndpointInfo>> DiscoverAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var found = new List<EndpointInfo>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null;
            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods.Select(h => new HandlerInfo(
                    h.HttpMethod.ToUpperInvariant(), h.Name,
                    [.. h.Parameters.Where(p => !parameters.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).SelectMany(p => FieldNames(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, 0))])).ToList();
                var bound = compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>().ToList();
                var getNames = bound.Where(p => p.Property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true)
                    .SelectMany(p => FieldNames(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, 0)).ToList();
                var postNames = bound.SelectMany(p => FieldNames(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, 0)).ToList();
                found.Add(new EndpointInfo(route, true, anonymous, parameters, ["GET", "POST"], handlers, getNames, postNames, [], null, false));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? ["GET"];
            var queryNames = new List<string>();
            var headerNames = new List<string>();
            Type? bodyType = null;
            if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
            {
                foreach (var parameter in method.GetParameters())
                {
                    if (parameters.Contains(parameter.Name!, StringComparer.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (parameter.GetCustomAttribute<FromHeaderAttribute>() is { } header)
                    {
                        headerNames.Add(header.Name ?? parameter.Name!);
                    }
                    else if (IsSimple(parameter.ParameterType))
                    {
                        queryNames.Add(parameter.Name!);
                    }
                    else if (!isService.IsService(parameter.ParameterType) && parameter.ParameterType != typeof(HttpContext) && parameter.ParameterType != typeof(CancellationToken))
                    {
                        bodyType = parameter.ParameterType;
                    }
                }
            }

            var multipart = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
            found.Add(new EndpointInfo(route, false, anonymous, parameters, methods, [], queryNames, [], headerNames, bodyType, multipart));
        }

        return found;
    }

    /// <summary>The form or query names a bound type is posted under (<c>Input.People[0].WorkingName</c>), three levels deep at most.</summary>
    private static IEnumerable<string> FieldNames(string prefix, Type type, int depth)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (IsSimple(inner))
        {
            return [prefix];
        }

        if (inner == typeof(IFormFile) || typeof(IFormFileCollection).IsAssignableFrom(inner) || depth >= 3)
        {
            return [];
        }

        if (inner.IsGenericType && inner.GetGenericArguments() is { Length: 2 } pair && typeof(System.Collections.IDictionary).IsAssignableFrom(inner))
        {
            return FieldNames(prefix + "[KEY]", pair[1], depth + 1);
        }

        if (inner != typeof(string) && inner.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable)
        {
            var element = enumerable.GetGenericArguments()[0];
            return IsSimple(element) ? [prefix] : FieldNames(prefix + "[0]", element, depth + 1);
        }

        return inner.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .SelectMany(p => FieldNames(prefix + "." + p.Name, p.PropertyType, depth + 1));
    }

    private static bool IsSimple(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner.IsPrimitive || inner.IsEnum || inner == typeof(string) || inner == typeof(Guid) || inner == typeof(decimal) || inner == typeof(DateOnly)
            || inner == typeof(DateTime) || inner == typeof(DateTimeOffset) || inner == typeof(TimeOnly) || inner == typeof(TimeSpan) || inner == typeof(Uri);
    }

    // ---------------------------------------------------------------- cases for pages

    private async Task<List<HostileCase>> PageCasesAsync(EndpointInfo endpoint, World world)
    {
        var caller = world.CallerFor(endpoint);
        var cases = new List<HostileCase>();
        var path = world.PathFor(endpoint);

        cases.AddRange(RouteCases(endpoint, world, caller, "GET", null));
        foreach (var method in PageOtherMethods)
        {
            cases.Add(new HostileCase(caller, method, path, () => Form([new("__af", world.TokenFor(caller))]), [], "a method pages do not take"));
            cases.Add(new HostileCase(caller, method, AddQuery(path, "handler=Nothing"), () => Form([new("__af", world.TokenFor(caller))]), [], "a method pages do not take, with a handler"));
        }

        cases.AddRange(RouteCases(endpoint, world, caller, "POST", () => Form([new("__af", world.TokenFor(caller))])).Take(8));

        foreach (var handler in endpoint.Handlers.Where(h => h.Method is "GET" or "HEAD"))
        {
            var target = handler.Name is null ? path : AddQuery(path, "handler=" + handler.Name);
            cases.AddRange(QueryCases(target, [.. endpoint.GetNames, .. handler.Fields], caller));
        }

        if (endpoint.Handlers.Count == 0)
        {
            cases.AddRange(QueryCases(path, endpoint.GetNames, caller));
        }

        // The page's own forms, as rendered for this caller: each field in turn hostile, the others as the page filled them.
        var targets = await FormTargetsAsync(caller, path + world.ExtraQueryFor(endpoint));
        foreach (var handler in endpoint.Handlers.Where(h => h.Method == "POST"))
        {
            var action = handler.Name is null ? path : AddQuery(path, "handler=" + handler.Name);
            if (!targets.Any(t => SameTarget(t.Action, action)))
            {
                targets.Add(new FormTarget(action, [], false));
            }
        }

        if (targets.Count == 0)
        {
            targets.Add(new FormTarget(path, [], false));
        }

        // Each field in turn with four values (three in a form of more than thirty fields); several buttons of one
        // form post the same fields to different handlers: the later ones get the two values that break the most.
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var handlerName = Regex.Match(target.Action, "[?&]handler=([^&]+)") is { Success: true } m ? m.Groups[1].Value : null;
            var handler = endpoint.Handlers.FirstOrDefault(h => h.Method == "POST" && string.Equals(h.Name, handlerName, StringComparison.OrdinalIgnoreCase));
            var names = target.Fields.Select(f => f.Key).Concat(endpoint.PostNames).Concat(handler?.Fields ?? []).Where(n => n != "__af").Distinct(StringComparer.Ordinal).ToList();
            var key = endpoint.Route + (handlerName is null ? string.Empty : "?handler=" + handlerName);
            cases.AddRange(TokenlessFormCases(target.Action, caller, world));
            if (Destructive.ContainsKey(key) || Destructive.ContainsKey(endpoint.Route))
            {
                continue;
            }

            cases.AddRange(MisshapenFormCases(target.Action, caller, world));
            cases.AddRange(FormCases(target, names, caller, world, !covered.Add(string.Join('&', names)) ? 2 : names.Count > 30 ? 3 : 4));
        }

        return cases;
    }

    private static bool SameTarget(string a, string b) => string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Hostile values in each route parameter (the others real).</summary>
    private static IEnumerable<HostileCase> RouteCases(EndpointInfo endpoint, World world, HttpClient caller, string method, Func<HttpContent>? body)
    {
        foreach (var parameter in endpoint.RouteParameters)
        {
            foreach (var value in Values)
            {
                yield return new HostileCase(caller, method, world.PathFor(endpoint, parameter, value.Encoded), body, [], $"route {parameter}={value.Label}");
            }
        }
    }

    /// <summary>Each known name with five hostile values, common names with one (in turn), and every name at once with ten values.</summary>
    private IEnumerable<HostileCase> QueryCases(string path, IReadOnlyList<string> known, HttpClient caller)
    {
        var names = known.Select(n => n.Replace("[KEY]", "[x]", StringComparison.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var name in names)
        {
            foreach (var value in Pick(5))
            {
                yield return Get(caller, AddQuery(path, Escape(name) + "=" + value.Encoded), $"query {name}={value.Label}");
            }
        }

        foreach (var name in CommonNames.Where(c => !names.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            var value = Values[sequence++ % Values.Length];
            yield return Get(caller, AddQuery(path, name + "=" + value.Encoded), $"query {name}={value.Label}");
        }

        foreach (var value in Values.Where((_, i) => i < 3 || i % 4 == 0))
        {
            var query = string.Join('&', names.Concat(CommonNames.Where(c => c != "handler")).Distinct(StringComparer.OrdinalIgnoreCase).Select(n => Escape(n) + "=" + value.Encoded));
            yield return Get(caller, AddQuery(path, query), $"every query name={value.Label}");
        }

        yield return Get(caller, AddQuery(path, "a=1&a=2&a=%&=&&" + string.Join('&', names.Select(n => Escape(n) + "=1&" + Escape(n) + "=x"))), "repeated and empty names");
    }

    private static HostileCase Get(HttpClient caller, string url, string description) => new(caller, "GET", url, null, [], description);

    /// <summary>Form posts to one target: each field in turn hostile, all fields hostile, hostile indexes, repeated names.</summary>
    private IEnumerable<HostileCase> FormCases(FormTarget target, IReadOnlyList<string> names, HttpClient caller, World world, int valuesPerField)
    {
        var baseline = target.Fields.Where(f => f.Key != "__af").Select(f => new KeyValuePair<string, string>(f.Key, Uri.EscapeDataString(f.Value))).ToList();
        foreach (var name in names)
        {
            var posted = name.Replace("[KEY]", "[ru]", StringComparison.Ordinal);
            foreach (var value in Pick(valuesPerField))
            {
                var fields = baseline.Where(f => f.Key != posted).Append(new(posted, value.Encoded)).ToList();
                yield return Post(target, caller, world, fields, $"form {posted}={value.Label}");
            }
        }

        foreach (var value in Values.Where((_, i) => i < 3 || i % 3 == 0))
        {
            var fields = names.Select(n => new KeyValuePair<string, string>(n.Replace("[KEY]", "[ru]", StringComparison.Ordinal), value.Encoded)).ToList();
            yield return Post(target, caller, world, fields, $"every field={value.Label}");
        }

        foreach (var name in names.Where(n => n.Contains("[0]", StringComparison.Ordinal)).Take(3))
        {
            foreach (var index in new[] { "99999999", "-1", "x", "2147483648", "" })
            {
                var fields = baseline.Append(new(name.Replace("[0]", "[" + index + "]", StringComparison.Ordinal), "x")).ToList();
                yield return Post(target, caller, world, fields, $"index {name} → [{index}]");
            }
        }

        var doubled = baseline.Concat(names.Select(n => new KeyValuePair<string, string>(n, "%3Cscript%3E"))).ToList();
        yield return Post(target, caller, world, doubled, "every field twice");
    }

    private static HostileCase Post(FormTarget target, HttpClient caller, World world, List<KeyValuePair<string, string>> encodedFields, string description)
    {
        var fields = encodedFields.Append(new("__af", Uri.EscapeDataString(world.TokenFor(caller)))).ToList();
        return new HostileCase(caller, "POST", target.Action, target.Multipart ? () => Multipart(fields) : () => Form(fields, encoded: true), [], description);
    }

    /// <summary>Posts that must stop before any handler: no anti-forgery token, a forged one, a body that is not a form.</summary>
    private static IEnumerable<HostileCase> TokenlessFormCases(string action, HttpClient caller, World world)
    {
        var token = Uri.EscapeDataString(world.TokenFor(caller));
        yield return new(caller, "POST", action, () => Raw("a=1", "application/x-www-form-urlencoded"), [], "no anti-forgery token");
        yield return new(caller, "POST", action, () => Raw("__af=forged-" + token[..Math.Min(20, token.Length)], "application/x-www-form-urlencoded"), [], "forged anti-forgery token");
        yield return new(caller, "POST", action, () => Raw("{\"__af\":\"" + token + "\"}", "application/json"), [], "JSON to a page");
        yield return new(caller, "POST", action, () => Raw("__af=" + token, "text/plain"), [], "text/plain");
    }

    /// <summary>Posts with a valid token whose shape is wrong: broken encodings, multipart without parts, too many or too long fields, other charsets.</summary>
    private static IEnumerable<HostileCase> MisshapenFormCases(string action, HttpClient caller, World world)
    {
        var token = Uri.EscapeDataString(world.TokenFor(caller));
        yield return new(caller, "POST", action, () => Raw("__af=" + token, "multipart/form-data"), [], "multipart without a boundary");
        yield return new(caller, "POST", action, () => Raw("--b\r\nContent-Disposition: form-data; name=\"__af\"\r\n\r\n" + token + "\r\n--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nunterminated", "multipart/form-data; boundary=b"), [], "multipart unterminated");
        yield return new(caller, "POST", action, () => Raw("__af=" + token + "&%%%%&a=%E0%A4%A&=&&b", "application/x-www-form-urlencoded"), [], "broken percent-encoding");
        yield return new(caller, "POST", action, () => Raw("__af=" + token + "&" + string.Join('&', Enumerable.Range(0, 5_000).Select(i => $"f{i}=x")), "application/x-www-form-urlencoded"), [], "5,000 fields");
        yield return new(caller, "POST", action, () => Raw("__af=" + token + "&" + new string('k', 5_000) + "=x", "application/x-www-form-urlencoded"), [], "a 5,000-character name");
        yield return new(caller, "POST", action, () => Raw("__af=" + token + "&Input.Note=" + new string('x', 1_000_000), "application/x-www-form-urlencoded"), [], "a 1 MB value");
        yield return new(caller, "POST", action, () => Raw("__af=" + token + "&x=%C3%28", "application/x-www-form-urlencoded; charset=utf-7"), [], "charset utf-7");
        yield return new(caller, "POST", action, () => Raw("__af=" + token + "&x=%C3%28", "application/x-www-form-urlencoded; charset=no-such-charset"), [], "an unknown charset");
    }

    /// <summary>The post forms a page renders (action, fields as filled, multipart or not), each submit button's own action included.</summary>
    private static async Task<List<FormTarget>> FormTargetsAsync(HttpClient caller, string page)
    {
        using var response = await caller.GetAsync(new Uri(page, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var pagePath = page.Split('?')[0];
        var targets = new List<FormTarget>();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return targets;
        }

        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = form.Groups["attrs"].Value;
            if (!string.Equals(HtmlAttribute(attributes, "method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var multipart = HtmlAttribute(attributes, "enctype")?.Contains("multipart", StringComparison.OrdinalIgnoreCase) == true;
            var body = form.Groups["body"].Value;
            var fields = Html.FormFields("<form data-hostile-corpus " + attributes + ">" + body + "</form>", "data-hostile-corpus").ToList();
            var actions = new List<string> { HtmlAttribute(attributes, "action") is { Length: > 0 } formAction ? formAction : page };
            actions.AddRange(FormActionPattern().Matches(body).Select(a => WebUtility.HtmlDecode(a.Groups["url"].Value)));
            foreach (var action in actions.Distinct(StringComparer.Ordinal))
            {
                // Forms of the layout (sign-out, language) belong to their own pages' cases.
                if (SameTarget(action.Split('?')[0], pagePath) && !targets.Any(t => t.Action == action))
                {
                    targets.Add(new FormTarget(action, fields, multipart));
                }
            }
        }

        return targets;
    }

    [GeneratedRegex("<form\\b(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("formaction=\"(?<url>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormActionPattern();

    private static string? HtmlAttribute(string attributes, string name) =>
        Regex.Match(attributes, "\\b" + name + "=\"(?<v>[^\"]*)\"", RegexOptions.IgnoreCase) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["v"].Value) : null;

    // ---------------------------------------------------------------- cases for the minimal API

    private List<HostileCase> ApiCases(EndpointInfo endpoint, World world)
    {
        var caller = endpoint.IsAnonymous ? world.Anonymous : world.Token;
        var path = world.PathFor(endpoint);
        var cases = new List<HostileCase>();
        var headers = world.HeadersFor(endpoint);
        foreach (var method in endpoint.Methods)
        {
            var baseline = world.JsonBaselineFor(method, endpoint.Route);
            Func<HttpContent>? body = method is "GET" or "HEAD" or "DELETE" ? null : () => Raw(baseline, "application/json");
            cases.AddRange(RouteCases(endpoint, world, caller, method, body).Select(c => c with { Headers = headers }));
            if (method is "GET" or "HEAD" or "DELETE")
            {
                cases.AddRange(QueryCases(path, endpoint.GetNames, caller).Select(c => c with { Method = method, Headers = headers }));
            }
            else if (endpoint.Multipart)
            {
                cases.AddRange(MultipartCases(path, caller, method));
            }
            else
            {
                cases.AddRange(JsonCases(path, caller, method, baseline, endpoint.BodyType, headers));
                cases.AddRange(QueryCases(path, endpoint.GetNames, caller).Take(40).Select(c => c with { Method = method, Body = body, Headers = headers }));
            }

            foreach (var header in endpoint.HeaderNames)
            {
                foreach (var value in Values.Where(v => v.Text is { } text && !text.Any(char.IsControl)))
                {
                    cases.Add(new HostileCase(caller, method, path, body, [.. headers.Where(h => h.Key != header), new(header, value.Text!)], $"header {header}={value.Label}"));
                }
            }
        }

        var other = OtherMethods.First(m => !endpoint.Methods.Contains(m));
        cases.Add(new HostileCase(caller, other, path, () => Raw("{}", "application/json"), headers, "a method the route does not take"));
        return cases;
    }

    /// <summary>Malformed JSON, each property (and nested value) of a valid body in turn of the wrong kind, wrong content types, too large.</summary>
    private IEnumerable<HostileCase> JsonCases(string path, HttpClient caller, string method, string baseline, Type? bodyType, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        foreach (var malformed in MalformedJson)
        {
            yield return new(caller, method, path, () => Raw(malformed, "application/json"), headers, $"malformed JSON {Shorten(malformed)}");
        }

        var root = JsonNode.Parse(baseline)!;
        var leaves = Leaves(root, [], 0).ToList();
        if (root is JsonObject top && bodyType is not null)
        {
            foreach (var property in bodyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
            {
                if (!top.ContainsKey(property))
                {
                    leaves.Add([property]);
                }
            }
        }

        foreach (var leaf in leaves)
        {
            foreach (var value in PickJson())
            {
                var changed = Replace(root, leaf, value);
                yield return new(caller, method, path, () => Raw(changed, "application/json"), headers, $"JSON {string.Join('.', leaf)}={Shorten(value)}");
            }
        }

        foreach (var mediaType in new[] { "text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/json; charset=utf-7", "application/json; charset=no-such-charset", "application/octet-stream" })
        {
            yield return new(caller, method, path, () => Raw(baseline, mediaType), headers, $"content type {mediaType}");
        }

        yield return new(caller, method, path, () => new ByteArrayContent(Encoding.UTF8.GetBytes(baseline)), headers, "no content type");
        var firstString = leaves.FirstOrDefault(l => Find(root, l) is JsonValue v && v.GetValueKind() == JsonValueKind.String);
        if (firstString is not null)
        {
            var huge = Replace(root, firstString, Quote(new string('x', 2_000_000)));
            yield return new(caller, method, path, () => Raw(huge, "application/json"), headers, "a 2 MB string");
            var invalid = Encoding.UTF8.GetBytes(Replace(root, firstString, "\"INVALID\"")).ToList();
            var at = Encoding.UTF8.GetBytes(Replace(root, firstString, "\"INVALID\"")).AsSpan().IndexOf("INVALID"u8);
            invalid.RemoveRange(at, 7);
            invalid.InsertRange(at, [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80]);
            yield return new(caller, method, path, () => Bytes([.. invalid], "application/json"), headers, "invalid UTF-8 in a string");
        }

        var firstArray = leaves.FirstOrDefault(l => Find(root, l) is JsonArray);
        if (firstArray is not null)
        {
            var many = Replace(root, firstArray, "[" + string.Join(',', Enumerable.Repeat("\"x\"", 100_000)) + "]");
            yield return new(caller, method, path, () => Raw(many, "application/json"), headers, "an array of 100,000 items");
        }
    }

    private static IEnumerable<HostileCase> MultipartCases(string path, HttpClient caller, string method)
    {
        static Func<HttpContent> Parts(byte[]? file, string fileName, string? note, string? contentType = "image/jpeg") => () =>
        {
            var content = new MultipartFormDataContent();
            if (file is not null)
            {
                var part = new ByteArrayContent(file);
                if (contentType is not null)
                {
                    part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                }

                // Written by hand: the client library refuses the hostile file names a real attacker may send.
                part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{fileName}\"");
                content.Add(part);
            }

            if (note is not null)
            {
                content.Add(new StringContent(note), "note");
            }

            return content;
        };

        var jpeg = TestFiles.JpegWithExif(8, 8, 1, "hostile");
        yield return new(caller, method, path, Parts(null, "x", "note only"), [], "multipart without a file");
        yield return new(caller, method, path, Parts([], "empty.jpg", null), [], "an empty file");
        yield return new(caller, method, path, Parts(Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "photo.jpg", null), [], "HTML named .jpg");
        yield return new(caller, method, path, Parts([0x50, 0x4B, 0x03, 0x04, 0, 0], "photo.jpg", null), [], "a zip named .jpg");
        yield return new(caller, method, path, Parts(jpeg[..(jpeg.Length / 2)], "cut.jpg", null), [], "a JPEG cut in half");
        yield return new(caller, method, path, Parts(TestFiles.PngHeader(30_000, 30_000), "bomb.png", null, "image/png"), [], "a decompression bomb header");
        yield return new(caller, method, path, Parts(Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF garbage"), "x.pdf", null, "application/pdf"), [], "a broken PDF");
        foreach (var value in Values.Where(v => v.Text is not null))
        {
            yield return new(caller, method, path, Parts(jpeg, value.Text!.Replace("\"", "'", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal), value.Text), [], $"file name and note {value.Label}");
        }

        yield return new(caller, method, path, Parts(jpeg, "x.jpg", null, "text/html"), [], "a JPEG sent as text/html");
        yield return new(caller, method, path, () => Raw("{\"file\":\"x\"}", "application/json"), [], "JSON instead of a file");
        yield return new(caller, method, path, () => Raw("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\n\xff\xd8", "multipart/form-data; boundary=b"), [], "multipart unterminated");
    }

    // ---------------------------------------------------------------- anonymous

    /// <summary>Every endpoint as someone not signed in: valid and hostile routes, queries, posts with and without a token, a hostile language.</summary>
    private static IEnumerable<HostileCase> AnonymousCases(EndpointInfo endpoint, World world)
    {
        var caller = world.Anonymous;
        var path = world.PathFor(endpoint);
        var methods = endpoint.IsPage ? new[] { "GET", "POST" } : [.. endpoint.Methods];
        var some = Values.Where((_, i) => i % 7 == 0).ToList();
        foreach (var method in methods)
        {
            Func<HttpContent>? body = method is "GET" or "HEAD" or "DELETE" ? null
                : endpoint.IsPage ? () => Form([new("__af", world.TokenFor(caller)), new("Input.UserName", "admin'--"), new("Password", "x")])
                : () => Raw(world.JsonBaselineFor(method, endpoint.Route), "application/json");
            yield return new(caller, method, path, body, [], "anonymous");
            yield return new(caller, method, path, body, [new("Accept-Language", "xx-<script>;q=2, *;q=-1")], "anonymous, hostile Accept-Language");
            yield return new(caller, method, path, body, [new("Cookie", ".Amanat.Staff=forged; .Amanat.Antiforgery=forged; .Amanat.Pending=forged")], "anonymous, forged cookies");
            foreach (var value in some)
            {
                yield return new(caller, method, AddQuery(path, string.Join('&', CommonNames.Select(n => n + "=" + value.Encoded))), body, [], $"anonymous, every query name={value.Label}");
                foreach (var parameter in endpoint.RouteParameters)
                {
                    yield return new(caller, method, world.PathFor(endpoint, parameter, value.Encoded), body, [], $"anonymous, route {parameter}={value.Label}");
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Up to three values that break the most (long, control characters, invalid UTF-8), then others in turn.</summary>
    private List<HostileValue> Pick(int count)
    {
        var picked = Values.Take(Math.Min(3, count)).ToList();
        for (var i = picked.Count; i < count; i++)
        {
            picked.Add(Values[3 + (sequence++ % (Values.Length - 3))]);
        }

        return picked;
    }

    private List<string> PickJson()
    {
        var picked = JsonValues.Take(CoreJsonValues).ToList();
        for (var i = 0; i < 4; i++)
        {
            picked.Add(JsonValues[CoreJsonValues + (sequence++ % (JsonValues.Length - CoreJsonValues))]);
        }

        return picked;
    }

    private static IEnumerable<List<object>> Leaves(JsonNode node, List<object> path, int depth)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    List<object> here = [.. path, name];
                    yield return here;
                    if (value is JsonObject or JsonArray && depth < 3)
                    {
                        foreach (var inner in Leaves(value, here, depth + 1))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array when array.Count > 0 && array[0] is JsonObject first:
                foreach (var inner in Leaves(first, [.. path, 0], depth + 1))
                {
                    yield return inner;
                }

                break;
        }
    }

    private static JsonNode? Find(JsonNode root, List<object> path)
    {
        var node = root;
        foreach (var step in path)
        {
            node = step is int i ? (node as JsonArray)?[i] : (node as JsonObject)?[(string)step];
        }

        return node;
    }

    /// <summary>The body with the value at <paramref name="path"/> replaced by raw JSON text (which may be invalid).</summary>
    private static string Replace(JsonNode root, List<object> path, string rawValue)
    {
        const string Marker = "\"@@HOSTILE@@\"";
        var copy = root.DeepClone();
        var parent = Find(copy, [.. path.Take(path.Count - 1)])!;
        if (path[^1] is int index)
        {
            ((JsonArray)parent)[index] = JsonValue.Create("@@HOSTILE@@");
        }
        else
        {
            ((JsonObject)parent)[(string)path[^1]] = JsonValue.Create("@@HOSTILE@@");
        }

        return copy.ToJsonString().Replace(Marker, rawValue, StringComparison.Ordinal);
    }

    private static string AddQuery(string path, string query) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static string Escape(string name) => Uri.EscapeDataString(name).Replace("%5B", "[", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal);

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    private static ByteArrayContent Raw(string body, string mediaType) => Bytes(Encoding.UTF8.GetBytes(body), mediaType);

    private static ByteArrayContent Bytes(byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        return content;
    }

    /// <summary>An urlencoded body; values already percent-encoded (hostile encodings stay as they are) unless <paramref name="encoded"/> is false.</summary>
    private static ByteArrayContent Form(IEnumerable<KeyValuePair<string, string>> fields, bool encoded = false) =>
        Raw(string.Join('&', fields.Select(f => Escape(f.Key) + "=" + (encoded ? f.Value : Uri.EscapeDataString(f.Value)))), "application/x-www-form-urlencoded");

    private static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> encodedFields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in encodedFields)
        {
            content.Add(new StringContent(SafeUnescape(value)), name);
        }

        return content;
    }

    private static string SafeUnescape(string encoded)
    {
        try
        {
            return Uri.UnescapeDataString(encoded);
        }
        catch (UriFormatException)
        {
            return encoded;
        }
    }

    // ---------------------------------------------------------------- types

    private sealed record EndpointInfo(
        string Route, bool IsPage, bool IsAnonymous, IReadOnlyList<string> RouteParameters, IReadOnlyList<string> Methods, IReadOnlyList<HandlerInfo> Handlers,
        IReadOnlyList<string> GetNames, IReadOnlyList<string> PostNames, IReadOnlyList<string> HeaderNames, Type? BodyType, bool Multipart);

    private sealed record HandlerInfo(string Method, string? Name, IReadOnlyList<string> Fields);

    private sealed record FormTarget(string Action, List<KeyValuePair<string, string>> Fields, bool Multipart);

    private sealed record HostileCase(HttpClient Caller, string Method, string Url, Func<HttpContent>? Body, IReadOnlyList<KeyValuePair<string, string>> Headers, string Description);

    /// <summary>A hostile value: how it travels in a URL or form (percent-encoded, possibly invalid) and, where it is text, the text.</summary>
    private sealed record HostileValue(string Label, string Encoded, string? Text)
    {
        private static HostileValue Of(string label, string text) => new(label, Uri.EscapeDataString(text), text);

        public static HostileValue[] All() =>
        [
            // The first three are tried on every field.
            Of("10 kB", new string('A', 10_000)),
            Of("control characters", "a\u0000b\u0001\u0007\u001b[31m\u202e\u200b\ufeff"),
            new("invalid UTF-8 %C3%28", "%C3%28", null),
            Of("not-a-guid", "not-a-guid"),
            Of("empty guid", "00000000-0000-0000-0000-000000000000"),
            Of("huge number", "99999999999999999999999999999999"),
            Of("-2147483649", "-2147483649"),
            Of("1e400", "1e400"),
            Of("NaN", "NaN"),
            Of("path traversal", "../../../../etc/passwd"),
            new("raw ..%2f", "..%2f..%2f..%2fetc%2fpasswd", "../../../etc/passwd"),
            Of("NUL", "\u0000"),
            Of("literal %00", "%00"),
            Of("script", "<script>alert(1)</script>"),
            Of("SQL quote", "' OR '1'='1' --"),
            Of("SQL drop", "\"; DROP TABLE \"Incidents\"; --"),
            new("invalid UTF-8 %FF%FE", "%FF%FE%FD", null),
            new("overlong slash %C0%AF", "%C0%AF", null),
            new("lone surrogate %ED%A0%80", "%ED%A0%80", null),
            new("truncated %E0%A4%A", "%E0%A4%A", null),
            new("bare %", "%", null),
            new("%zz", "%zz", null),
            Of("empty", string.Empty),
            Of("spaces", "   "),
            Of("9999-12-31", "9999-12-31"),
            Of("0001-01-01", "0001-01-01"),
            Of("2026-02-30", "2026-02-30"),
            Of("-1", "-1"),
            Of("true", "true"),
            Of("JSON object", "{\"$ne\":null}"),
            Of("javascript: URL", "javascript:alert(1)"),
            Of("protocol-relative URL", "//evil.example/"),
            Of("CRLF", "a\r\nSet-Cookie: evil=1"),
            Of("emoji and scripts", "👩🏽‍⚖️ مرحبا Ақмола ǅ"),
            Of("SQL wildcards", "%_%"),
        ];
    }

    /// <summary>Counts answers, keeps the failures (5xx or no answer) and the slowest cases.</summary>
    private sealed class Run
    {
        public int Count { get; private set; }

        public int SignIns { get; set; }

        /// <summary>Sends a request over a socket to the application behind Kestrel; its status.</summary>
        public Func<string, string, Task<int>>? OverSocket { get; set; }

        /// <summary>The answers Kestrel gave to the requests sent over a socket, by status.</summary>
        public Dictionary<int, int> ViaSocket { get; } = [];

        public Dictionary<int, int> Statuses { get; } = [];

        public Dictionary<string, int> PerEndpoint { get; } = new(StringComparer.Ordinal);

        /// <summary>Cases by what was made hostile: route, query, form, every field, JSON, anonymous…</summary>
        public Dictionary<string, int> PerKind { get; } = new(StringComparer.Ordinal);

        public List<string> Failures { get; } = [];

        public List<string> Unsendable { get; } = [];

        public List<(long Milliseconds, string Description)> Slowest { get; } = [];

        public async Task SendAsync(string route, HostileCase hostile)
        {
            Count++;
            PerEndpoint[route] = PerEndpoint.GetValueOrDefault(route) + 1;
            var kind = hostile.Description.Split(' ', ',')[0];
            PerKind[kind] = PerKind.GetValueOrDefault(kind) + 1;
            var description = $"{hostile.Method} {Shorten(hostile.Url)} [{hostile.Description}]";
            var watch = Stopwatch.StartNew();
            HttpRequestMessage request;
            try
            {
                request = new HttpRequestMessage(new HttpMethod(hostile.Method), new Uri(hostile.Url, UriKind.Relative)) { Content = hostile.Body?.Invoke() };
                foreach (var (name, value) in hostile.Headers)
                {
                    if (!request.Headers.TryAddWithoutValidation(name, value))
                    {
                        request.Content?.Headers.TryAddWithoutValidation(name, value);
                    }
                }
            }
            catch (Exception error) when (error is FormatException or UriFormatException or ArgumentException or InvalidOperationException)
            {
                // The client library cannot even put this case on the wire: not the server's doing.
                Unsendable.Add($"{error.GetType().Name} ← {description}");
                return;
            }

            using var disposeRequest = request;
            int status;
            try
            {
                using var response = await hostile.Caller.SendAsync(request);
                _ = await response.Content.ReadAsByteArrayAsync();
                status = (int)response.StatusCode;
            }
            catch (InvalidOperationException error) when (error.Message == NulInPath && OverSocket is not null)
            {
                // The in-memory test host decodes the path itself and cannot carry a NUL: the same request goes to
                // the application behind real Kestrel, whose answer is the one a client gets.
                status = await OverSocket(hostile.Method, hostile.Url);
                ViaSocket[status] = ViaSocket.GetValueOrDefault(status) + 1;
            }
            catch (Exception error)
            {
                // The test host hands on what escaped the application; Kestrel would have answered 500 or dropped the connection.
                status = 0;
                Failures.Add($"no answer ({error.GetType().Name}: {Shorten(error.Message)}) ← {description}");
            }

            Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                Failures.Add($"{status} ← {description}");
            }

            Slowest.Add((watch.ElapsedMilliseconds, description));
            if (Slowest.Count > 50)
            {
                Slowest.Sort((a, b) => b.Milliseconds.CompareTo(a.Milliseconds));
                Slowest.RemoveRange(20, Slowest.Count - 20);
            }
        }
    }

    /// <summary>What the corpus needs to reach real handlers: a staff member with every role, a token, and one record of each kind.</summary>
    private sealed class World
    {
        private readonly Dictionary<HttpClient, string> tokens = [];

        private World(StaffClient staff, HttpClient token, HttpClient anonymous, HttpClient pendingCode, HttpClient pendingEnrol)
        {
            Staff = staff;
            Token = token;
            Anonymous = anonymous;
            PendingCode = pendingCode;
            PendingEnrol = pendingEnrol;
        }

        public StaffClient Staff { get; private set; }

        public HttpClient Token { get; }

        public HttpClient Anonymous { get; }

        /// <summary>Past the password, before the authenticator code.</summary>
        public HttpClient PendingCode { get; }

        /// <summary>Past the password of an account that has no authenticator yet.</summary>
        public HttpClient PendingEnrol { get; }

        public Guid Incident { get; private set; }

        public Guid Attachment { get; private set; }

        public Guid Member { get; private set; }

        public Guid Referral { get; private set; }

        public Guid Provider { get; private set; }

        public Guid Alert { get; private set; }

        public Guid SelfReport { get; private set; }

        public Guid Vocabulary { get; private set; }

        public Guid Victim { get; private set; }

        public string AccessCode { get; private set; } = string.Empty;

        private static StaffRoles AllRoles => StaffRoleList.Combine(StaffRoleList.All);

        public static async Task<World> SeedAsync(WebApplicationFactory<Program> server)
        {
            var staff = await StaffClient.SignInNewAsync(server, AllRoles);
            var (tokenUser, _, _) = await StaffClient.CreateUserAsync(server, "api-" + Guid.NewGuid().ToString("N")[..8], Password, AllRoles);
            var (apiToken, secret) = ApiToken.Create(tokenUser.Id, "hostile corpus", TestClock.UtcNow);
            await WithDbAsync(server, db =>
            {
                db.ApiTokens.Add(apiToken);
                return db.SaveChangesAsync();
            });
            var token = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            token.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            // The public pages refuse a post that does not show it came from this site: the corpus posts as a browser on it, to reach the handlers.
            var anonymous = NewClient(server);
            anonymous.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
            var world = new World(staff, token, anonymous, await PendingAsync(server, enrolled: true), await PendingAsync(server, enrolled: false));

            var (victim, _, _) = await StaffClient.CreateUserAsync(server, "victim-" + Guid.NewGuid().ToString("N")[..8], Password, StaffRoles.Outreach);
            world.Victim = victim.Id;

            using (var incident = await token.PostAsync(new Uri("/api/v1/incidents", UriKind.Relative), Raw(world.JsonBaselineFor("POST", "api/v1/incidents"), "application/json")))
            {
                Assert.Equal(HttpStatusCode.Created, incident.StatusCode);
                world.Incident = (await incident.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            }

            using (var member = await token.PostAsync(new Uri("/api/v1/members", UriKind.Relative), Raw("""{ "workingName": "Malika", "servicesConsent": "Yes", "cityCode": "ALA" }""", "application/json")))
            {
                Assert.Equal(HttpStatusCode.Created, member.StatusCode);
                world.Member = (await member.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            }

            using (var upload = new MultipartFormDataContent())
            {
                upload.Add(new ByteArrayContent(TestFiles.JpegWithExif(64, 48, 1, "hostile corpus")) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "file", "photo.jpg");
                using var attachment = await token.PostAsync(new Uri($"/api/v1/incidents/{world.Incident}/attachments", UriKind.Relative), upload);
                Assert.Equal(HttpStatusCode.Created, attachment.StatusCode);
                world.Attachment = (await attachment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            }

            using (var provider = await staff.PostFormAsync("/staff/directory/new", Care.DirectoryTests.Clinic()))
            {
                Assert.Equal(HttpStatusCode.Redirect, provider.StatusCode);
            }

            world.Provider = await WithDbAsync(server, db => db.Providers.Select(p => p.Id).SingleAsync());
            using (var referral = await token.PostAsync(new Uri($"/api/v1/members/{world.Member}/referrals", UriKind.Relative), Raw(world.JsonBaselineFor("POST", "api/v1/members/{id:guid}/referrals"), "application/json")))
            {
                Assert.Equal(HttpStatusCode.Created, referral.StatusCode);
                world.Referral = (await referral.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            }

            using (var checkIn = await token.PostAsync(new Uri($"/api/v1/members/{world.Member}/shelter/check-in", UriKind.Relative), Raw("{}", "application/json")))
            {
                Assert.True(checkIn.IsSuccessStatusCode, await checkIn.Content.ReadAsStringAsync());
            }

            var form = await staff.Http.GetStringAsync(new Uri($"/staff/alerts/new?incident={world.Incident}&lang=ru", UriKind.Relative));
            var fields = Html.FormFields(form, "novalidate").Where(f => f.Key != "__af" && f.Key != "Input.Descriptions[ru]").Append(new("Input.Descriptions[ru]", "Белая машина")).ToList();
            using (var alert = await staff.PostFieldsAsync($"/staff/alerts/new?incident={world.Incident}", fields, "/staff/alerts/new"))
            {
                Assert.True(alert.StatusCode == HttpStatusCode.Redirect, await alert.Content.ReadAsStringAsync());
                world.Alert = Guid.Parse(alert.Headers.Location!.OriginalString.Split('?')[0]["/staff/alerts/".Length..]);
            }

            using (var report = await world.Anonymous.PostAsync(new Uri("/api/v1/public/reports", UriKind.Relative), Raw(world.JsonBaselineFor("POST", "api/v1/public/reports"), "application/json")))
            {
                Assert.Equal(HttpStatusCode.Created, report.StatusCode);
            }

            world.SelfReport = await WithDbAsync(server, db => db.SelfReports.Select(r => r.Id).SingleAsync());
            world.Vocabulary = await WithDbAsync(server, db => db.VocabularyEntries.OrderBy(v => v.Code).Select(v => v.Id).FirstAsync());
            await using (var scope = server.Services.CreateAsyncScope())
            {
                world.AccessCode = (await scope.ServiceProvider.GetRequiredService<AccessCodeDesk>().IssueAsync(1, null, staff.User.Id))[0].Code;
            }

            return world;
        }

        /// <summary>
        /// Before each endpoint: signs a new staff member with every role in if a case ended the session (a role change,
        /// a reset), and reads each caller's current anti-forgery token.
        /// </summary>
        public async Task EnsureSignedInAsync(WebApplicationFactory<Program> server, Run run)
        {
            // The hostile cases of the sign-in pages are failed attempts from this one address: each endpoint starts with none.
            server.Services.GetRequiredService<Amanat.Core.Security.SignInThrottle>().Clear();
            using var check = await Staff.Http.GetAsync(new Uri("/staff/account/tokens", UriKind.Relative));
            if (check.StatusCode != HttpStatusCode.OK)
            {
                Staff = await StaffClient.SignInNewAsync(server, AllRoles);
                run.SignIns++;
                await EnsureSignedInAsync(server, run);
                return;
            }

            tokens.Clear();
            tokens[Staff.Http] = StaffClient.AntiforgeryToken(await check.Content.ReadAsStringAsync());
            tokens[Anonymous] = StaffClient.AntiforgeryToken(await Anonymous.GetStringAsync(new Uri("/staff/signin", UriKind.Relative)));
            foreach (var (client, page) in new[] { (PendingCode, "/staff/signin/code"), (PendingEnrol, "/staff/signin/enrol") })
            {
                using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
                var html = await response.Content.ReadAsStringAsync();
                tokens[client] = response.StatusCode == HttpStatusCode.OK ? StaffClient.AntiforgeryToken(html) : tokens[Anonymous];
            }
        }

        /// <summary>Who sends a page's cases: the half-signed-in for the second sign-in steps, anyone for open pages, else the staff member.</summary>
        public HttpClient CallerFor(EndpointInfo endpoint) => endpoint.Route switch
        {
            "staff/signin/code" => PendingCode,
            "staff/signin/enrol" => PendingEnrol,
            _ => endpoint.IsAnonymous ? Anonymous : Staff.Http,
        };

        /// <summary>A valid anti-forgery token for this caller's cookies.</summary>
        public string TokenFor(HttpClient caller) => tokens.TryGetValue(caller, out var token) ? token : "no-token-for-this-caller";

        /// <summary>The route with real values (a record that exists, so handlers get past "not found"), one parameter replaced if asked.</summary>
        public string PathFor(EndpointInfo endpoint, string? hostileParameter = null, string? hostileValue = null) =>
            "/" + RouteParameter().Replace(endpoint.Route, m =>
                m.Groups["name"].Value == hostileParameter ? hostileValue! : RealValue(endpoint.Route, m.Groups["name"].Value));

        public string ExtraQueryFor(EndpointInfo endpoint) => endpoint.Route switch
        {
            "staff/alerts/new" => $"?incident={Incident}",
            "staff/incidents/new" => $"?member={Member}",
            _ => string.Empty,
        };

        public IReadOnlyList<KeyValuePair<string, string>> HeadersFor(EndpointInfo endpoint) =>
            endpoint.HeaderNames.Contains(PublicCommunityApiCodeHeader) ? [new(PublicCommunityApiCodeHeader, AccessCode)] : [];

        /// <summary>A body the endpoint accepts, so that one hostile value at a time reaches its rules and the database.</summary>
        public string JsonBaselineFor(string method, string route) => (method, route) switch
        {
            (_, "api/v1/incidents" or "api/v1/incidents/{id:guid}") => $$"""
                {
                  "occurredOn": "{{TestClock.UtcNow.AddDays(-9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}", "cityCode": "AST", "placeCode": "SAUNA", "unnamedPeople": 7,
                  "violations": ["ST-SXC", "ST-DEP"],
                  "perpetrators": [{ "categoryCode": "POL", "rank": "капитан", "badge": "KZ 0417", "phones": "8 (701) 123-45-67" }],
                  "people": [{ "workingName": "Лола", "consents": { "ALERT": "Yes", "STATS": "No" } }],
                  "moneyExtortedMinor": 5000000, "currency": "KZT", "status": "NeedsFollowUp", "narrative": "Каждую субботу требует встречи."
                }
                """,
            (_, "api/v1/members" or "api/v1/members/{id:guid}") => """
                { "workingName": "Шахноза", "birthYear": 1998, "nationalityCode": "UZ", "languages": ["uz", "ru"], "cityCode": "ALA",
                  "contactChannel": "Phone", "contact": "8 701 555 44 33", "sex": "Female", "motherName": "Мадина", "fatherName": "Рустам", "servicesConsent": "Yes" }
                """,
            (_, "api/v1/members/find") => """{ "sex": "Female", "birthYear": 1998, "motherName": "MA", "fatherName": "ру", "workingName": "Ша" }""",
            (_, "api/v1/members/{id:guid}/services") => """{ "code": "DOC", "provider": "Консульство", "note": "x" }""",
            (_, "api/v1/members/{id:guid}/referrals") => $$"""{ "providerId": "{{Provider}}", "serviceCode": "MED-GYN" }""",
            (_, "api/v1/referrals/{id:guid}") => """{ "status": "Accepted" }""",
            (_, "api/v1/public/reports") => """{"what":["DETAINED","DOCUMENTS"],"who":"POL","cityCode":"ALA","unit":"District 5","story":"x","needs":["LAWYER"],"contactChannel":"NotToBeContacted","consents":["STATS"]}""",
            (_, "api/v1/public/reports/withdraw") => """{ "reference": "ABCD-EFGH-JKLM" }""",
            (_, "api/v1/public/check") => """{ "q": "8 701 123 45 67" }""",
            _ => "{}",
        };

        private const string PublicCommunityApiCodeHeader = Amanat.Web.Features.Alerts.PublicCommunityApi.CodeHeader;

        private string RealValue(string route, string parameter) => parameter switch
        {
            "attachmentId" => Attachment.ToString(),
            "code" => "404",
            "documentName" => "v1",
            _ when route.StartsWith("staff/incidents", StringComparison.Ordinal) || route.StartsWith("api/v1/incidents", StringComparison.Ordinal) => Incident.ToString(),
            _ when route.StartsWith("staff/members", StringComparison.Ordinal) || route.StartsWith("api/v1/members", StringComparison.Ordinal) => Member.ToString(),
            _ when route.StartsWith("api/v1/referrals", StringComparison.Ordinal) => Referral.ToString(),
            _ when route.StartsWith("staff/alerts", StringComparison.Ordinal) => Alert.ToString(),
            _ when route.StartsWith("staff/directory", StringComparison.Ordinal) => Provider.ToString(),
            _ when route.StartsWith("staff/vocabularies", StringComparison.Ordinal) => Vocabulary.ToString(),
            _ when route.StartsWith("staff/reports", StringComparison.Ordinal) => SelfReport.ToString(),
            _ when route.StartsWith("staff/admin/users", StringComparison.Ordinal) => Victim.ToString(),
            _ => Guid.CreateVersion7().ToString(),
        };

        private static HttpClient NewClient(WebApplicationFactory<Program> server) => server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        private static async Task<HttpClient> PendingAsync(WebApplicationFactory<Program> server, bool enrolled)
        {
            var name = (enrolled ? "code-" : "enrol-") + Guid.NewGuid().ToString("N")[..8];
            if (enrolled)
            {
                await StaffClient.CreateUserAsync(server, name, Password, StaffRoles.Outreach);
            }
            else
            {
                await using var scope = server.Services.CreateAsyncScope();
                var (_, result) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(name, Password, StaffRoles.Outreach);
                Assert.True(result.Succeeded);
            }

            var client = NewClient(server);
            using var afterPassword = await StaffClient.PostFormAsync(client, "/staff/signin", new() { ["Input.UserName"] = name, ["Input.Password"] = Password });
            Assert.Equal(enrolled ? "/staff/signin/code" : "/staff/signin/enrol", afterPassword.Headers.Location?.ToString());
            return client;
        }

        private static async Task<T> WithDbAsync<T>(WebApplicationFactory<Program> server, Func<Amanat.Core.Data.AmanatDbContext, Task<T>> action)
        {
            await using var scope = server.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<Amanat.Core.Data.AmanatDbContext>());
        }
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app, ITestOutputHelper output) : EveryEndpointHostileInputTests(app, output);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app, ITestOutputHelper output) : EveryEndpointHostileInputTests(app, output);
}
