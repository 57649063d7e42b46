using System.Text.Encodings.Web;
using System.Text.Unicode;
using Amanat.Core.Auditing;
using Amanat.Web.Auditing;
using Amanat.Web.Keys;
using Amanat.Core.Time;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Amanat.Web.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

using Amanat.Web.Features.Account;
using Amanat.Web.Features.Alerts;
using Amanat.Web.Features.Attachments;
using Amanat.Web.Features.Care;
using Amanat.Web.Features.Community;
using Amanat.Web.Features.Incidents;
using Amanat.Web.Features.Members;
using Amanat.Web.Features.SelfReports;
using Amanat.Web.Telegram;

namespace Amanat.Web.Infrastructure;

/// <summary>Wires the application: services, start-up preparation and the request pipeline.</summary>
internal static class AmanatHost
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder AddAmanat(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            // Loopback by default: put a reverse proxy with TLS in front to serve others.
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // After `dotnet build` the stylesheets stay in the project's wwwroot; a published app has no
        // manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.AddAmanatLogFilters();

        var services = builder.Services;
        services.AddOptions<AmanatOptions>()
            .Bind(builder.Configuration.GetSection(AmanatOptions.Section))
            .Validate(o => Uri.TryCreate(o.QuickExitUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp), "Amanat:QuickExitUrl must be an absolute http(s) URL.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Amanat:TimeZone must be an IANA time zone such as Asia/Almaty.")
            .Validate(o => Amanat.Web.Telegram.TelegramBot.IsValidToken(o.Telegram.Token), "Amanat:Telegram:Token must be the token @BotFather gave: digits, a colon, then letters, digits, - or _.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Telegram.WebhookUrl) || (Uri.TryCreate(o.Telegram.WebhookUrl, UriKind.Absolute, out var hook) && hook.Scheme == Uri.UriSchemeHttps), "Amanat:Telegram:WebhookUrl must be an https:// address (Telegram delivers only over HTTPS), or empty for long polling.")
            .Validate(o => o.Statistics.Threshold is >= 2 and <= 100, "Amanat:Statistics:Threshold must be 2–100.")
            .Validate(o => o.Backup.EveryHours is >= 0 and <= 24 * 31 && o.Backup.Keep is >= 1 and <= 1000, "Amanat:Backup:EveryHours must be 0–744 and Amanat:Backup:Keep 1–1000.")
            .Validate(o => o.Statistics.DatasetK is >= 2 and <= 100 && o.Statistics.DatasetL is >= 2 and <= 10, "Amanat:Statistics:DatasetK must be 2–100 and DatasetL 2–10.")
            .Validate(o => o.Telegram.ReminderHour is >= 0 and <= 23 && o.Telegram.PollSeconds is >= 0 and <= 50, "Amanat:Telegram:ReminderHour must be 0–23 and PollSeconds 0–50.")
            .Validate(o => Amanat.Core.Members.Uic.IsValidFormula(o.Members.UicFormula), "Amanat:Members:UicFormula must use {M1}-{M3}, {F1}-{F3}, {S}, {YY} or {YYYY}, with both names and the year.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        // Uploaded evidence stays in memory, never buffered in the clear to a temporary file; a file a little
        // over the limit still reaches the page, which says so and keeps the note that was typed.
        services.AddOptions<Microsoft.AspNetCore.Http.Features.FormOptions>().Configure<IOptions<AmanatOptions>>((form, amanat) =>
        {
            var body = UploadBodyLimit(amanat.Value.Attachments);
            form.MemoryBufferThreshold = (int)Math.Min(int.MaxValue, body);
            form.MultipartBodyLengthLimit = body;
        });
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>().Configure<IOptions<AmanatOptions>>((kestrel, amanat) =>
            kestrel.Limits.MaxRequestBodySize = Math.Max(30_000_000, UploadBodyLimit(amanat.Value.Attachments)));
        services.AddSingleton(sp => new DataDirectory(sp.GetRequiredService<IOptions<AmanatOptions>>().Value.DataDirectory));
        services.AddSingleton(sp => new DisplayTimeZone(sp.GetRequiredService<IOptions<AmanatOptions>>().Value.TimeZone));
        services.AddAmanatDatabase();
        // The key ring lives in the data directory, each key encrypted under the root key (VaultSetup).
        services.AddDataProtection().SetApplicationName("Amanat");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DataDirectory, ILoggerFactory>((keys, data, logs) =>
                keys.XmlRepository = new FileSystemXmlRepository(data.Subdirectory("data-protection"), logs));
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<AmanatOptions>>((forwarded, amanat) => ReverseProxy.Configure(forwarded, amanat.Value.ReverseProxy));

        services.AddAmanatKeys();
        services.AddHttpContextAccessor();
        services.TryAddSingleton(new ProcessChannel(AuditOrigin.System));
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditChain>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<Amanat.Web.Features.Incidents.SaveIncident>();
        services.AddSingleton<Amanat.Web.Features.Statistics.FactCache>();
        services.AddSingleton<Amanat.Web.Features.Statistics.ActivityCounts>();
        services.AddSingleton<Amanat.Web.Features.Statistics.ActivityCountsInterceptor>();
        services.AddScoped<Amanat.Web.Features.Statistics.StatisticsFacts>();
        services.AddHostedService<Amanat.Web.Features.Statistics.FactBackfill>();
        services.AddSingleton<Amanat.Web.Features.Incidents.RevisionHashKeying>();
        services.AddHostedService(sp => sp.GetRequiredService<Amanat.Web.Features.Incidents.RevisionHashKeying>());
        services.AddScoped<Amanat.Web.Features.Statistics.Dashboard>();
        services.AddScoped<Amanat.Web.Features.Statistics.StatisticsExport>();
        services.AddScoped<Amanat.Web.Features.Statistics.DatasetExport>();
        services.AddSingleton<Amanat.Web.Backups.BackupMaker>();
        services.AddSingleton<Amanat.Web.Backups.ScheduledBackups>();
        services.AddHostedService(sp => sp.GetRequiredService<Amanat.Web.Backups.ScheduledBackups>());
        services.AddScoped<Amanat.Web.Features.Attachments.AttachmentFiles>();
        services.AddScoped<Amanat.Web.Features.Attachments.AttachmentRecorder>();
        services.AddScoped<Amanat.Web.Features.Members.MemberRecorder>();
        services.AddScoped<Amanat.Web.Features.Members.MemberForgetting>();
        services.AddScoped<Amanat.Web.Features.Care.ServiceRecorder>();
        services.AddScoped<Amanat.Web.Features.Care.ReferralRecorder>();
        services.AddScoped<Amanat.Web.Features.Care.ShelterDesk>();
        services.AddScoped<Amanat.Web.Features.Outreach.OutreachTally>();
        services.AddScoped<Amanat.Web.Features.Stay.StayRuleStore>();
        services.AddScoped<Amanat.Web.Features.Care.UpcomingTasks>();
        services.AddAmanatTelegram();
        services.AddScoped<Amanat.Web.Features.SelfReports.SelfReportInbox>();
        services.AddScoped<Amanat.Web.Features.SelfReports.ReceiveSelfReport>();
        services.AddScoped<Amanat.Web.Features.SelfReports.WithdrawSelfReport>();
        services.AddSingleton<Amanat.Web.Features.Community.PublicLimits>();
        services.AddScoped<Amanat.Web.Features.Alerts.AccessCodeDesk>();
        services.AddScoped<Amanat.Web.Features.Alerts.SavedCards>();
        services.AddScoped<Amanat.Web.Features.Alerts.AlertDesk>();
        services.AddScoped<Amanat.Web.Features.Alerts.CommunityChannel>();
        services.AddScoped<Amanat.Web.Features.Alerts.CheckNumber>();
        services.AddScoped<Amanat.Web.Features.Alerts.PublishAlert>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddHostedService<ControlSocket>();
        services.AddSingleton<Amanat.Web.Retention.RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Amanat.Web.Retention.RetentionJob>());
        services.AddSingleton<KeyRotation>();
        services.AddHostedService(sp => sp.GetRequiredService<KeyRotation>());
        services.AddStaffAuthentication();
        services.AddScoped<StaffAccounts>();
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);

        services.AddAmanatLocalization();
        services.AddLocalizedBindingMessages();
        services.AddCheckboxBinding();
        services.AddAmanatProblemDetails();
        services.AddRazorPages(pages =>
            {
                // One folder per feature (pages, endpoints, use cases, views): ADR-020.
                pages.RootDirectory = "/Features";
                StaffPages.Configure(pages);
                PageHandlers.Configure(pages);
            })
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        // Cyrillic and Uzbek Latin are written as characters, not as &#x...; escapes: lighter pages.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".Amanat.Antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__af";
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddOpenApi("v1");
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>The largest request body an upload form may send: twice the file limit and room for the fields.</summary>
    public static long UploadBodyLimit(AttachmentOptions attachments)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        return (2 * attachments.MaxBytes) + (1024 * 1024);
    }

    /// <summary>
    /// A multipart body that says it is larger than any upload may be is answered 413 at once, before the
    /// anti-forgery check reads the form and would call it merely invalid (Kestrel enforces the same limit on
    /// bodies that do not declare their length).
    /// </summary>
    public static IApplicationBuilder UseUploadBodyLimit(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
                && context.Request.HasFormContentType && context.Request.ContentLength is { } length
                && length > UploadBodyLimit(context.RequestServices.GetRequiredService<IOptions<AmanatOptions>>().Value.Attachments))
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            return next(context);
        });

    /// <summary>Creates the data directory and brings the database up to date before the first request.</summary>
    public static async Task PrepareAmanatAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<DataDirectory>().Ensure();
        await DatabaseSetup.PrepareAsync(app.Services, app.Lifetime.ApplicationStopping);
        var vault = await VaultSetup.OpenVaultAsync(app.Services, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Amanat.Keys"));
        var setupToken = await FirstRunSetup.IssueLinkAsync(app.Services);
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, setupToken, vault == Amanat.Core.Security.VaultStart.Sealed));
    }

    public static WebApplication UseAmanat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseAmanatRequestLogging();
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseStaffLanguageCookie();
        app.UseAmanatErrorHandling();
        app.UseRequestGuards();
        app.UseSealedGate();
        app.UseUploadBodyLimit();
        app.UsePublicBodyLimit();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            // Links carry ?v=<hash> (asp-append-version), so a changed file gets a new URL.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=604800",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapQuickExit();
        app.MapTelegramWebhook();
        app.MapStaffApi();
        app.MapIncidentsApi();
        app.MapAttachmentsApi();
        app.MapMembersApi();
        app.MapCareApi();
        app.MapPublicReportsApi();
        app.MapPublicCommunityApi();
        return app;
    }

    private static void PrintBanner(WebApplication app, string? setupToken, bool isSealed)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var dataDirectory = app.Services.GetRequiredService<DataDirectory>();
        var provider = app.Services.GetRequiredService<IOptions<AmanatOptions>>().Value.Database.Provider;
        Console.WriteLine($"Amanat is running at {string.Join(", ", addresses)}");
        Console.WriteLine($"Data directory: {dataDirectory.Path} (database: {provider})");
        if (isSealed)
        {
            var local = addresses.FirstOrDefault() ?? DefaultUrl;
            Console.WriteLine($"Sealed: staff pages are locked until an administrator unlocks at {local.TrimEnd('/')}{SealedGate.UnlockPath} or runs `unseal` here.");
        }

        if (setupToken is not null)
        {
            var local = addresses.FirstOrDefault() ?? DefaultUrl;
            Console.WriteLine($"First-run setup (one use only): {local.TrimEnd('/')}{FirstRunSetup.Path}?token={setupToken}");
        }
    }
}
