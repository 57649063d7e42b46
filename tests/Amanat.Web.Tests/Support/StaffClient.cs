using System.Net;
using System.Text.RegularExpressions;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Amanat.Web.Tests.Support;

/// <summary>A staff member created through the application's own account commands, signed in over HTTP.</summary>
public sealed partial class StaffClient
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> StepsGiven = new(StringComparer.Ordinal);

    private StaffClient(HttpClient http, StaffUser user, string password, string key, IReadOnlyList<string> recoveryCodes)
    {
        Http = http;
        User = user;
        Password = password;
        TotpKey = key;
        RecoveryCodes = recoveryCodes;
    }

    public HttpClient Http { get; }

    public StaffUser User { get; }

    public string Password { get; }

    public string TotpKey { get; }

    public IReadOnlyList<string> RecoveryCodes { get; }

    /// <summary>An HTTP client with a new staff member's personal API token (no browser session).</summary>
    public static async Task<HttpClient> TokenClientAsync(AmanatApp app, StaffRoles roles)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (user, _, _) = await CreateUserAsync(app, "api-" + Guid.NewGuid().ToString("N")[..8], "correct horse battery", roles);
        var (token, secret) = ApiToken.Create(user.Id, "tests", TestClock.UtcNow);
        await app.WithDbAsync(async db =>
        {
            db.ApiTokens.Add(token);
            return await db.SaveChangesAsync();
        });
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static async Task<(StaffUser User, string Key, IReadOnlyList<string> RecoveryCodes)> CreateUserAsync(
        WebApplicationFactory<Program> app, string userName, string password, StaffRoles roles)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var (user, result) = await accounts.AddAsync(userName, password, roles);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
        var (key, codes) = await accounts.EnrolNowAsync(user!);
        return (user!, key, codes);
    }

    /// <summary>Creates an enrolled account with these roles and signs in with password and TOTP.</summary>
    public static async Task<StaffClient> SignInNewAsync(WebApplicationFactory<Program> app, StaffRoles roles, string? userName = null)
    {
        var name = userName ?? "staff-" + Guid.NewGuid().ToString("N")[..8];
        const string password = "correct horse battery";
        var (user, key, codes) = await CreateUserAsync(app, name, password, roles);
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var client = new StaffClient(http, user, password, key, codes);
        var response = await client.SignInAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location?.ToString());
        return client;
    }

    /// <summary>Password, then the authenticator code (the server checks codes against the real clock).</summary>
    public Task<HttpResponseMessage> SignInAsync() => SignInAsync(Http, User.UserName!, Password, TotpKey);

    /// <summary>Signs an HTTP client in with password and TOTP; returns the answer to the code step.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient http, string userName, string password, string key)
    {
        using var afterPassword = await PostFormAsync(http, "/staff/signin", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        return await PostFormAsync(http, afterPassword.Headers.Location!.ToString(), new() { ["Code"] = CurrentCode(key) });
    }

    /// <summary>
    /// The authenticator's code for the current 30-second step; when this key was already given a code of that
    /// step, the next step's (the server takes codes up to two steps ahead, as from a phone whose clock runs
    /// fast): each code works once, and a test may sign the same person in again at once.
    /// </summary>
    public static string CurrentCode(string key)
    {
        var current = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var step = StepsGiven.AddOrUpdate(key, current, (_, last) => Math.Max(current, last + 1));
        return new OtpNet.Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));
    }

    /// <summary>The authenticator's code for the current step, whether or not it was given before (to replay it on purpose).</summary>
    public static string CodeNow(string key) => new OtpNet.Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);

    /// <summary>GETs the page to learn its anti-forgery token, then posts the form to it.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? action = null) =>
        PostFormAsync(Http, path, fields, action);

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string path, Dictionary<string, string> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await http.GetStringAsync(new Uri(path, UriKind.Relative));
        fields["__af"] = AntiforgeryToken(page);
        using var content = new FormUrlEncodedContent(fields);
        return await http.PostAsync(new Uri(action ?? path, UriKind.Relative), content);
    }

    /// <summary>The same, for forms with repeated names (checkbox lists).</summary>
    public async Task<HttpResponseMessage> PostFieldsAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await Http.GetStringAsync(new Uri(path, UriKind.Relative));
        using var content = new FormUrlEncodedContent(fields.Append(new("__af", AntiforgeryToken(page))));
        return await Http.PostAsync(new Uri(action ?? path, UriKind.Relative), content);
    }

    public static string AntiforgeryToken(string html) =>
        AntiforgeryPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["token"].Value)
            : throw new InvalidOperationException("The page has no anti-forgery token.");

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
