namespace Amanat.Core.Security;

/// <summary>
/// Growing delays after wrong staff sign-in attempts (password, authenticator code, password re-entry) instead of
/// a lock: a stranger can neither lock the real person out for long nor learn from the answers whether an account
/// exists. Counted per address (the caller's key: full IPv4, IPv6 /64) and, with a much higher allowance, per
/// account (its normalized name, known or not): after <see cref="FreeFailuresPerAddress"/> (or
/// <see cref="FreeFailuresPerAccount"/>) failures each further try must wait 2, 4, 8… seconds after the last
/// failure, never more than <see cref="LongestWait"/>. One stranger at one address therefore slows only that
/// address; only many addresses together slow the account itself. Attempts refused for waiting do not count; a
/// count is forgotten after <see cref="ForgetAfter"/> without failures, and an account's on a complete sign-in.
/// Kept in memory: a restart forgets it.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailuresPerAddress = 5;
    public const int FreeFailuresPerAccount = 20;
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>Above this many counts, forgotten ones are swept out (a flood of made-up names).</summary>
    private const int SweepAbove = 10_000;

    private readonly Dictionary<string, (int Failures, DateTimeOffset Last)> counts = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>How long to wait after <paramref name="failures"/> failures with this allowance.</summary>
    public static TimeSpan Delay(int failures, int free) =>
        failures < free ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - free + 1), LongestWait.TotalSeconds));

    /// <summary>Zero when an attempt from this address for this account may be made now; otherwise how long to wait.</summary>
    public TimeSpan WaitBeforeNextAttempt(string address, string account)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var byAddress = Wait(AddressKey(address), FreeFailuresPerAddress, now);
            var byAccount = Wait(AccountKey(account), FreeFailuresPerAccount, now);
            return byAddress > byAccount ? byAddress : byAccount;
        }
    }

    public void RecordFailure(string address, string account)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (counts.Count > SweepAbove)
            {
                foreach (var (key, count) in counts)
                {
                    if (now - count.Last >= ForgetAfter)
                    {
                        counts.Remove(key);
                    }
                }
            }

            Add(AddressKey(address), now);
            Add(AccountKey(account), now);
        }
    }

    /// <summary>She signed in: her account's count starts again (the address's does not: others may share it).</summary>
    public void RecordSuccess(string account)
    {
        lock (gate)
        {
            counts.Remove(AccountKey(account));
        }
    }

    /// <summary>Forgets every count, as a restart does.</summary>
    public void Clear()
    {
        lock (gate)
        {
            counts.Clear();
        }
    }

    private static string AddressKey(string address) => "a:" + (address ?? throw new ArgumentNullException(nameof(address)));

    private static string AccountKey(string account) => "u:" + (account ?? throw new ArgumentNullException(nameof(account)));

    private TimeSpan Wait(string key, int free, DateTimeOffset now)
    {
        if (!counts.TryGetValue(key, out var count) || now - count.Last >= ForgetAfter)
        {
            return TimeSpan.Zero;
        }

        var wait = count.Last + Delay(count.Failures, free) - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private void Add(string key, DateTimeOffset now)
    {
        var failures = counts.TryGetValue(key, out var count) && now - count.Last < ForgetAfter ? count.Failures : 0;
        counts[key] = (failures + 1, now);
    }
}
