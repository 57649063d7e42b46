using System.Text;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;

namespace Amanat.Web.Tests.Authentication;

/// <summary>A copy of the database holds no TOTP key and no recovery code in plaintext.</summary>
public abstract class SecretsAtRestTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task TotpKeyAndRecoveryCodes_AreNotInTheDatabaseInPlaintext()
    {
        var (user, key, codes) = await StaffClient.CreateUserAsync(App, "canary-user", "a long enough password", StaffRoles.Outreach);
        Assert.Equal(10, codes.Count);

        var stored = await StoredContentAsync();

        Assert.Contains("canary-user", stored, StringComparison.Ordinal); // the copy is readable: the search is real
        Assert.DoesNotContain(key, stored, StringComparison.OrdinalIgnoreCase);
        Assert.All(codes, code => Assert.DoesNotContain(code, stored, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(user.Id, (await App.WithDbAsync(db => Task.FromResult(db.Users.Single()))).Id);
    }

    protected abstract Task<string> StoredContentAsync();

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : SecretsAtRestTests(app)
    {
        /// <summary>The raw bytes of the database file and its write-ahead log, as copied from the disk.</summary>
        protected override async Task<string> StoredContentAsync()
        {
            var text = new StringBuilder();
            foreach (var bytes in await App.CopyDatabaseFilesAsync())
            {
                text.Append(Encoding.Latin1.GetString(bytes)).Append(Encoding.UTF8.GetString(bytes));
            }

            return text.ToString();
        }
    }

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : SecretsAtRestTests(app)
    {
        /// <summary>Every row of the staff tables, read with plain SQL.</summary>
        protected override async Task<string> StoredContentAsync()
        {
            var text = new StringBuilder();
            foreach (var table in new[] { "StaffUsers", "StaffUserTokens", "StaffUserClaims", "StaffSessions" })
            {
                text.Append(await App.ScalarAsync($"SELECT coalesce(string_agg(t::text, '|'), '') FROM \"{table}\" t"));
            }

            return text.ToString();
        }
    }
}
