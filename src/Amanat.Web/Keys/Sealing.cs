using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Keys;

internal enum UnsealOutcome
{
    Unsealed,
    AlreadyUnsealed,
    Wrong,
    Throttled,
    NotPossible,
}

internal sealed record UnsealResult(UnsealOutcome Outcome, TimeSpan Wait = default);

/// <summary>
/// Sealing and unsealing the running server, the same from the web pages and the control socket. Sealing
/// ends every staff session, revokes the cookie keys and drops the root key from memory. Wrong passphrases
/// are counted (<see cref="UnlockThrottle"/>) and audited once the chain can be written again.
/// </summary>
internal sealed partial class Sealing(KeyVault vault, UnlockThrottle throttle, IServiceScopeFactory scopes, IKeyManager cookieKeys, IDataProtectionProvider protection, TimeProvider clock, ILogger<Sealing> logger) : IDisposable
{
    private readonly SemaphoreSlim attempts = new(1, 1);
    private readonly List<(DateTime AtUtc, AuditSource Source)> failedWhileSealed = [];

    public bool IsSealed => vault.IsSealed;

    public Task SealAsync(AuditSource source) => SealAsync(source, AuditEventType.Sealed, wipe: false);

    /// <summary>
    /// The panic lock: the same as sealing (every session ends, every cookie key is revoked so new ones are
    /// made at the next unseal, the root key leaves memory), recorded as such; with <paramref name="wipe"/>,
    /// the key store and the key file are destroyed too, and nothing on this machine opens the data again.
    /// </summary>
    public Task PanicAsync(AuditSource source, bool wipe) => SealAsync(source, wipe ? AuditEventType.KeysWiped : AuditEventType.PanicLocked, wipe);

    private async Task SealAsync(AuditSource source, AuditEventType type, bool wipe)
    {
        ArgumentNullException.ThrowIfNull(source);
        await attempts.WaitAsync();
        try
        {
            if (vault.IsSealed)
            {
                if (wipe)
                {
                    vault.Wipe(); // already sealed: the audit chain cannot be written, the keys still go
                }

                return;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AmanatDbContext>();
                await using var transaction = await scope.ServiceProvider.GetRequiredService<AuditLog>().BeginAsync(source);
                transaction.Add(type);
                await db.StaffSessions.Where(x => x.EndedAtUtc == null)
                    .ExecuteUpdateAsync(x => x.SetProperty(s => s.EndedAtUtc, now).SetProperty(s => s.EndReason, SessionEndReason.Sealed));
                await transaction.CommitAsync();
            }

            // Each key by id (not "all keys created before now"), so a key made after the unseal is never caught by it.
            foreach (var key in cookieKeys.GetAllKeys().Where(k => !k.IsRevoked))
            {
                cookieKeys.RevokeKey(key.KeyId, "sealed");
            }

            if (wipe)
            {
                vault.Wipe();
            }
            else
            {
                vault.Seal();
            }
        }
        finally
        {
            attempts.Release();
        }
    }

    /// <param name="webAddress">The caller's address key (IPv4, IPv6 /64) for the web page's limit; null for the
    /// unseal command on the server itself: its user can read the key store anyway, and strangers flooding the
    /// web page must never lock the administrator out of it.</param>
    public async Task<UnsealResult> UnsealAsync(string passphrase, AuditSource source, string? webAddress)
    {
        ArgumentNullException.ThrowIfNull(source);
        var wait = webAddress is null ? TimeSpan.Zero : throttle.WaitBeforeNextAttempt(webAddress);
        if (wait > TimeSpan.Zero)
        {
            return new UnsealResult(UnsealOutcome.Throttled, wait);
        }

        await attempts.WaitAsync();
        try
        {
            if (!vault.IsSealed)
            {
                return new UnsealResult(UnsealOutcome.AlreadyUnsealed);
            }

            if (vault.Mode != UnlockMode.Passphrase)
            {
                return new UnsealResult(UnsealOutcome.NotPossible);
            }

            // Argon2id takes about half a second and 64 MiB: one attempt at a time.
            if (!await Task.Run(() => vault.TryUnseal(passphrase ?? string.Empty)))
            {
                if (webAddress is not null)
                {
                    throttle.RecordFailure(webAddress);
                }

                failedWhileSealed.Add((clock.GetUtcNow().UtcDateTime, source));
                return new UnsealResult(UnsealOutcome.Wrong);
            }

            throttle.RecordSuccess();
            await RecordUnsealAsync(source);
            return new UnsealResult(UnsealOutcome.Unsealed);
        }
        finally
        {
            attempts.Release();
        }
    }

    /// <summary>Key-file mode after a seal: the key file opens it again (for the CLI, which runs as the owner).</summary>
    public async Task<UnsealResult> UnsealWithKeyFileAsync(AuditSource source)
    {
        await attempts.WaitAsync();
        try
        {
            if (!vault.IsSealed)
            {
                return new UnsealResult(UnsealOutcome.AlreadyUnsealed);
            }

            if (!vault.TryUnsealWithKeyFile())
            {
                return new UnsealResult(UnsealOutcome.NotPossible);
            }

            await RecordUnsealAsync(source);
            return new UnsealResult(UnsealOutcome.Unsealed);
        }
        finally
        {
            attempts.Release();
        }
    }

    public void Dispose() => attempts.Dispose();

    private async Task RecordUnsealAsync(AuditSource source)
    {
        // Fresh cookie keys at once, and the key ring read now rather than at the first sign-in.
        var now = clock.GetUtcNow();
        cookieKeys.CreateNewKey(now, now.AddDays(90));
        var check = protection.CreateProtector("amanat.unsealed");
        try
        {
            check.Unprotect(check.Protect([1]));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A refresh of the key ring that failed while sealed (no key can be made without the root) is kept
            // by the data-protection provider and thrown once, at the next use: this one, not someone's sign-in.
            // The use after it works; if it does not, the failure is real and goes to the caller.
            LogSpentRefreshFailure(logger);
            check.Unprotect(check.Protect([1]));
        }

        await using var scope = scopes.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        foreach (var (at, failedSource) in failedWhileSealed)
        {
            await audit.RecordAsync(AuditEventType.UnsealFailed, failedSource, atUtc: at);
        }

        failedWhileSealed.Clear();
        await audit.RecordAsync(AuditEventType.Unsealed, source);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The cookie key ring's refresh that failed while sealed was spent at unseal.")]
    private static partial void LogSpentRefreshFailure(ILogger logger);
}
