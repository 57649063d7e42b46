namespace Amanat.Core.Security;

/// <summary>
/// Limits passphrase guesses at the unlock page. Per address (the caller gives a key: the full IPv4
/// address, the IPv6 /64): after <see cref="MaxFailures"/> wrong passphrases within <see cref="Window"/>,
/// that address is refused until its oldest failure is older than the window, so a stranger's guesses do not
/// stop the administrator at another address. For everyone together, a much higher ceiling
/// (<see cref="MaxFailuresEveryone"/>) stops guessing from many addresses. The unseal command on the server
/// does not go through this at all.
/// </summary>
public sealed class UnlockThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public const int MaxFailuresEveryone = 100;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, Queue<DateTimeOffset>> byAddress = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> everyone = new();
    private readonly Lock gate = new();

    /// <summary>Zero when an attempt from this address may be made now; otherwise how long to wait.</summary>
    public TimeSpan WaitBeforeNextAttempt(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        lock (gate)
        {
            var now = clock.GetUtcNow();
            Forget(now);
            var all = Wait(everyone, MaxFailuresEveryone, now);
            var own = byAddress.TryGetValue(address, out var failures) ? Wait(failures, MaxFailures, now) : TimeSpan.Zero;
            return own > all ? own : all;
        }
    }

    public void RecordFailure(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        lock (gate)
        {
            var now = clock.GetUtcNow();
            Forget(now);
            if (!byAddress.TryGetValue(address, out var failures))
            {
                byAddress[address] = failures = new Queue<DateTimeOffset>();
            }

            failures.Enqueue(now);
            everyone.Enqueue(now);
        }
    }

    /// <summary>The server is unsealed: every count starts again.</summary>
    public void RecordSuccess()
    {
        lock (gate)
        {
            byAddress.Clear();
            everyone.Clear();
        }
    }

    private static TimeSpan Wait(Queue<DateTimeOffset> failures, int max, DateTimeOffset now) =>
        failures.Count < max ? TimeSpan.Zero : failures.Peek() + Window - now;

    private void Forget(DateTimeOffset now)
    {
        Drop(everyone, now);
        foreach (var (address, failures) in byAddress)
        {
            if (Drop(failures, now) == 0)
            {
                byAddress.Remove(address);
            }
        }
    }

    private static int Drop(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && now - failures.Peek() >= Window)
        {
            failures.Dequeue();
        }

        return failures.Count;
    }
}
