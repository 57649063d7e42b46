using Amanat.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Authentication;

/// <summary>
/// While no administrator exists, each start issues a new one-time setup link (the previous one dies)
/// and prints it on the console. Only the SHA-256 of its secret is stored.
/// </summary>
internal static class FirstRunSetup
{
    public const string Path = "/staff/setup";

    public static async Task<string?> IssueLinkAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AmanatDbContext>();
        var installation = await db.Installations.SingleAsync();
        if (installation.IsSetUp)
        {
            return null;
        }

        if (await db.Users.AnyAsync())
        {
            // Accounts were made with the CLI: there is nothing left to set up in the browser.
            installation.CompleteSetup(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return null;
        }

        var token = installation.IssueSetupToken();
        await db.SaveChangesAsync();
        return token;
    }
}
