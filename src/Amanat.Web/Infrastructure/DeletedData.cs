using System.Data.Common;
using Amanat.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Amanat.Web.Infrastructure;

/// <summary>
/// What happens to deleted rows on disk. SQLite: every connection runs with <c>secure_delete</c> (freed
/// content is overwritten with zeros, not left in free pages), and after a "forget me" or a retention run a
/// truncating checkpoint moves the write-ahead log into the file and empties it, so the old values are in
/// neither. PostgreSQL keeps dead row versions until VACUUM and its own WAL until it is recycled: nothing
/// here can reach those (docs/security.md says so).
/// </summary>
internal static class DeletedData
{
    /// <summary>The interceptor that turns <c>secure_delete</c> on for each SQLite connection as it opens.</summary>
    public static DbConnectionInterceptor SecureDelete { get; } = new SecureDeleteInterceptor();

    /// <summary>After deleting personal data: on SQLite, a truncating checkpoint (the WAL is copied into the file and emptied).</summary>
    public static async Task CheckpointAsync(AmanatDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
    }

    private sealed class SecureDeleteInterceptor : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (connection is SqliteConnection)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA secure_delete=ON;";
                command.ExecuteNonQuery();
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (connection is SqliteConnection)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA secure_delete=ON;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
