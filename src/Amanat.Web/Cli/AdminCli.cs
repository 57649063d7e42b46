using System.CommandLine;
using System.CommandLine.Invocation;
using Amanat.Core.Auditing;
using Amanat.Core.Common;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Infrastructure;
using Amanat.Web.Keys;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amanat.Web.Cli;

/// <summary>
/// Administration commands of the same executable, for scripted deployments and tests:
/// <c>dotnet run --project src/Amanat.Web -- users add NAME --roles admin</c> and so on. They work on
/// the database directly, so the server may be stopped; in sealed mode they first read the passphrase
/// from standard input. <c>seal</c> and <c>unseal</c> talk to the running server over its control socket.
/// Secrets are printed once and never logged.
/// </summary>
internal static class AdminCli
{
    private static readonly string[] Commands = ["users", "tokens", "audit", "seal", "unseal", "backup", "restore", "keys"];

    /// <summary>Commands that need neither this process's keys nor a prepared database (restore needs a fresh directory).</summary>
    private static readonly string[] ServerCommands = ["seal", "unseal", "backup", "restore", "keys"];

    public static bool Handles(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    public static IReadOnlyList<string> CommandNames => Commands;

    /// <summary>A first argument that is neither a command nor a setting (<c>--key value</c>, <c>key=value</c>).</summary>
    public static bool IsUnknownCommand(string[] args) =>
        args is [var first, ..] && !first.StartsWith('-') && !first.Contains('=', StringComparison.Ordinal) && !Commands.Contains(first, StringComparer.Ordinal);

    /// <summary>The settings of a command's process: warnings only, audited as the CLI.</summary>
    public static void ConfigureForCommands(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new ProcessChannel(AuditOrigin.Cli));
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (ServerCommands.Contains(args[0], StringComparer.Ordinal))
        {
            return await Build(app.Services).Parse(args).InvokeAsync();
        }

        return await OpenAsync(app.Services) ? await Build(app.Services).Parse(args).InvokeAsync() : 1;
    }

    /// <summary>
    /// Runs the commands of another program that writes through this application's code (tools/Amanat.Demo)
    /// the way the administration commands run: the same settings (<c>appsettings.json</c>, environment,
    /// command line), the database migrated, the keys opened — in sealed mode the passphrase is asked for.
    /// Help and mistyped commands touch nothing.
    /// </summary>
    public static async Task<int> RunToolAsync(string[] args, Func<IServiceProvider, RootCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(commands);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(AdminCli).Assembly.GetName().Name,
        });
        builder.AddAmanat();
        ConfigureForCommands(builder);
        await using var app = builder.Build();
        var parsed = commands(app.Services).Parse(args);
        if (parsed.Action is not AsynchronousCommandLineAction)
        {
            return await parsed.InvokeAsync(); // help, or what was wrong with the command line
        }

        return await OpenAsync(app.Services) ? await parsed.InvokeAsync() : 1;
    }

    /// <summary>Creates the data directory, migrates the database and opens the keys; false when they stay sealed.</summary>
    private static async Task<bool> OpenAsync(IServiceProvider services)
    {
        services.GetRequiredService<DataDirectory>().Ensure();
        await DatabaseSetup.PrepareAsync(services, CancellationToken.None);
        return await VaultSetup.OpenVaultAsync(services, NullLogger.Instance) != VaultStart.Sealed
            || UnsealHere(services.GetRequiredService<KeyVault>());
    }

    /// <summary>Sealed mode, server stopped or not: this process needs the keys itself, so it asks for the passphrase.</summary>
    internal static bool UnsealHere(KeyVault vault)
    {
        if (vault.Mode != UnlockMode.Passphrase)
        {
            Console.Error.WriteLine($"The key file {vault.KeyFilePath} is missing.");
            return false;
        }

        if (vault.TryUnseal(ReadSecret("Passphrase: ")))
        {
            return true;
        }

        Console.Error.WriteLine("Wrong passphrase.");
        return false;
    }

    private static RootCommand Build(IServiceProvider services)
    {
        var userName = new Argument<string>("username") { Description = "The staff member's username (a pseudonym)." };
        var roles = new Option<string>("--roles") { Description = "Comma-separated: outreach, coordinator, lawyer, analyst, admin.", Required = true };
        var add = new Command("add", "Add a staff account. The password is read from standard input; the TOTP key and recovery codes are printed once.")
        {
            userName, roles,
        };
        add.SetAction((parse, _) => WithScopeAsync(services, scope => AddUserAsync(scope, parse.GetValue(userName)!, parse.GetValue(roles)!)));

        var resetName = new Argument<string>("username");
        var reset = new Command("reset-2fa", "Remove a staff member's authenticator and recovery codes and end her sessions; she enrols again at next sign-in.") { resetName };
        reset.SetAction((parse, _) => WithScopeAsync(services, scope => ResetTwoFactorAsync(scope, parse.GetValue(resetName)!)));

        var tokenUser = new Argument<string>("username");
        var tokenName = new Option<string>("--name") { Description = "What the token is for.", Required = true };
        var create = new Command("create", "Create a personal API token for a staff member; printed once.") { tokenUser, tokenName };
        create.SetAction((parse, _) => WithScopeAsync(services, scope => CreateTokenAsync(scope, parse.GetValue(tokenUser)!, parse.GetValue(tokenName)!)));

        var verify = new Command("verify", "Re-compute the audit chain and compare it with its head; exit code 2 when broken.");
        verify.SetAction((_, _) => WithScopeAsync(services, VerifyAuditAsync));

        var seal = new Command("seal", "Seal the running server: end every session and drop the keys from memory.");
        seal.SetAction((_, _) => SendAsync(services, new ControlRequest("seal")));
        var unseal = new Command("unseal", "Unlock the running server: the passphrase is read from standard input (in key-file mode, the key file is used).");
        unseal.SetAction((_, _) => SendAsync(services, new ControlRequest("unseal", ReadSecret("Passphrase: "))));

        var root = new RootCommand("Amanat administration")
        {
            new Command("users", "Staff accounts.") { add, reset },
            new Command("tokens", "Personal API tokens.") { create },
            new Command("audit", "The audit trail.") { verify },
            seal,
            unseal,
            KeysCli.Build(services),
        };
        foreach (var command in BackupCli.Build(services))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static async Task<int> AddUserAsync(IServiceProvider scope, string name, string roleList)
    {
        if (!TryParseRoles(roleList, out var parsed))
        {
            return Fail("Unknown role. Use: outreach, coordinator, lawyer, analyst, admin.");
        }

        var password = Console.In.ReadLine() ?? string.Empty;
        var accounts = scope.GetRequiredService<StaffAccounts>();
        var (user, result) = await accounts.AddAsync(name, password, parsed);
        if (user is null)
        {
            return Fail("Could not add the account: " + string.Join("; ", result.Errors.Select(e => e.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateUserName) => "this username is taken",
                nameof(IdentityErrorDescriber.InvalidUserName) => "use 3–32 letters, digits, dot, dash or underscore",
                nameof(IdentityErrorDescriber.PasswordTooShort) => "the password needs at least 12 characters",
                _ => e.Code,
            })));
        }

        var (key, codes) = await accounts.EnrolNowAsync(user);
        Console.WriteLine($"Added {user.UserName} ({roleList}).");
        Console.WriteLine($"TOTP key (add it to the authenticator app; shown once): {key}");
        Console.WriteLine($"Recovery codes (shown once): {string.Join(' ', codes)}");
        return 0;
    }

    private static async Task<int> ResetTwoFactorAsync(IServiceProvider scope, string name)
    {
        var user = await FindAsync(scope, name);
        if (user is null)
        {
            return Fail("No such staff member.");
        }

        await scope.GetRequiredService<StaffAccounts>().ResetTwoFactorAsync(user, byUserId: null);
        Console.WriteLine($"Two-step verification of {user.UserName} was reset; she enrols again at her next sign-in.");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider scope, string name, string purpose)
    {
        var user = await FindAsync(scope, name);
        if (user is null || user.IsDisabled)
        {
            return Fail("No such active staff member.");
        }

        try
        {
            var db = scope.GetRequiredService<AmanatDbContext>();
            var (token, secret) = ApiToken.Create(user.Id, purpose, scope.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            db.ApiTokens.Add(token);
            await using var transaction = await scope.GetRequiredService<AuditTrail>().BeginAsync();
            await db.SaveChangesAsync();
            transaction.Add(AuditEventType.TokenCreated, token.Id);
            await transaction.CommitAsync();
            Console.WriteLine(secret);
            return 0;
        }
        catch (DomainException)
        {
            return Fail($"The name must be 1–{ApiToken.MaxNameLength} characters.");
        }
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider scope)
    {
        var result = await scope.GetRequiredService<AuditChain>().VerifyAsync();
        var head = await scope.GetRequiredService<AmanatDbContext>().Set<AuditHead>().SingleAsync();
        if (result.IsIntact)
        {
            Console.WriteLine($"Audit chain intact: {result.Verified} entries. Head {head.Fingerprint}");
            return 0;
        }

        Console.WriteLine($"Audit chain BROKEN ({result.Break}) at entry {result.BrokenAt}; {result.Verified} entries verified before it.");
        return 2;
    }

    private static async Task<int> SendAsync(IServiceProvider services, ControlRequest request)
    {
        var socket = ControlSocket.PathIn(services.GetRequiredService<DataDirectory>());
        var reply = await ControlClient.SendAsync(socket, request);
        if (reply is null)
        {
            return Fail($"The server is not running (no control socket at {socket}). A server in sealed mode starts sealed.");
        }

        (reply.Ok ? Console.Out : Console.Error).WriteLine(reply.Message);
        return reply.Ok ? 0 : 1;
    }

    /// <summary>A line from standard input; typed without echo when it is a terminal.</summary>
    internal static string ReadSecret(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? string.Empty;
        }

        Console.Error.Write(prompt);
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
            {
                typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }

    private static Task<StaffUser?> FindAsync(IServiceProvider scope, string name) =>
        scope.GetRequiredService<AmanatDbContext>().Users.SingleOrDefaultAsync(x => x.UserName == name.Trim());

    private static bool TryParseRoles(string list, out StaffRoles roles)
    {
        roles = StaffRoles.None;
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var role = StaffRoleList.All.FirstOrDefault(r => string.Equals(StaffClaims.RoleName(r), part, StringComparison.OrdinalIgnoreCase));
            if (role == StaffRoles.None)
            {
                return false;
            }

            roles |= role;
        }

        return roles != StaffRoles.None;
    }

    internal static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    internal static async Task<int> WithScopeAsync(IServiceProvider services, Func<IServiceProvider, Task<int>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
