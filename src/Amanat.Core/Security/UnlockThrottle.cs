namespace Amanat.Core.Security;

/// <summary>
/// Limits passphrase guesses at the unlock page: after <see cref="MaxFailures"/> wrong passphrases within
/// <see cref="Window"/>, every attempt is refused until the oldest failure is older than the window. One
/// counter for the whole server: an attacker changing addresses gains nothing.
/// </summary>
public sealed class UnlockThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Queue<DateTimeOffset> failures = new();
    private readonly Lock gate = new();

    /// <summary>Zero when an attempt may be made now; otherwise how long to wait.</summary>
    public TimeSpan WaitBeforeNextAttempt()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            while (failures.Count > 0 && now - failures.Peek() >= Window)
            {
                failures.Dequeue();
            }

            return failures.Count < MaxFailures ? TimeSpan.Zero : failures.Peek() + Window - now;
        }
    }

    public void RecordFailure()
    {
        lock (gate)
        {
            failures.Enqueue(clock.GetUtcNow());
        }
    }

    public void RecordSuccess()
    {
        lock (gate)
        {
            failures.Clear();
        }
    }
}
