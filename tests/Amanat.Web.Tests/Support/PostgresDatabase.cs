using Npgsql;

namespace Amanat.Web.Tests.Support;

/// <summary>
/// A throwaway database on the PostgreSQL server named by <c>AMANAT_TEST_POSTGRES</c>, which
/// ./test.sh sets after starting its own cluster. Dropped when the tests are done.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "AMANAT_TEST_POSTGRES";

    private readonly string serverConnectionString;
    private readonly string name;

    private PostgresDatabase(string serverConnectionString, string name)
    {
        this.serverConnectionString = serverConnectionString;
        this.name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>A new database: empty, or with <paramref name="migrated"/> a copy of the migrated schema (<see cref="MigratedTemplate"/>).</summary>
    public static async Task<PostgresDatabase> CreateAsync(bool migrated = false)
    {
        var database = new PostgresDatabase(ServerConnectionString(), "amanat_test_" + Guid.NewGuid().ToString("N"));
        if (migrated)
        {
            await MigratedTemplate.CreatePostgresCopyAsync(database.serverConnectionString, database.name);
        }
        else
        {
            await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database.name}\"");
        }

        return database;
    }

    /// <summary>The server named by <c>AMANAT_TEST_POSTGRES</c>.</summary>
    public static string ServerConnectionString()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(server)
            ? throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Run ./test.sh, which starts a throwaway PostgreSQL server and sets it.")
            : server;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
