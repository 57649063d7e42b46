using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Amanat.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Features.Community;

/// <summary>
/// Limits on the public endpoints, kept in memory, with no third party: per address (IPv4 as is, IPv6 by
/// its /64, after <c>ForwardedHeaders</c> has put the real client address in place), per access code, and
/// for everyone together. Per-address limits are generous because whole neighbourhoods share one
/// mobile-carrier address.
/// </summary>
internal sealed class PublicLimits : IDisposable
{
    public const string Reports = "reports";

    /// <summary>Withdrawals and other look-ups by a reference: few, so that references cannot be guessed.</summary>
    public const string Lookups = "lookups";

    /// <summary>Number checks and feed reads, per address (before the code is even looked at).</summary>
    public const string Checks = "checks";

    /// <summary>Number checks and feed reads, per access code.</summary>
    public const string Codes = "codes";

    private readonly PartitionedRateLimiter<string> partitions;
    private readonly RateLimiter everyone;

    public PublicLimits(IOptions<AmanatOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var community = options.Value.Community;
        partitions = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key[..key.IndexOf(':', StringComparison.Ordinal)] switch
            {
                Lookups => community.LookupsPerAddressPerHour,
                Checks => community.ChecksPerAddressPerHour,
                Codes => community.ChecksPerCodePerHour,
                _ => community.ReportsPerAddressPerHour,
            },
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));
        everyone = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = community.ReportsPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        });
    }

    /// <summary>Takes one permit of a policy for a key (an address key, a code id, a chat); when refused, how long to wait.</summary>
    public TimeSpan? TryAcquire(string policy, string key)
    {
        using var lease = partitions.AttemptAcquire(policy + ":" + key);
        return lease.IsAcquired ? null : RetryAfter(lease);
    }

    /// <summary>Takes one report permit for a caller (an address key, or a chat) and one of the global limit.</summary>
    public TimeSpan? TryReport(string key)
    {
        if (TryAcquire(Reports, key) is { } wait)
        {
            return wait;
        }

        using var all = everyone.AttemptAcquire();
        return all.IsAcquired ? null : RetryAfter(all);
    }

    /// <summary>Whole minutes to wait, at least one, for "try again in N min".</summary>
    public static int Minutes(TimeSpan? wait) => Math.Max(1, (int)Math.Ceiling((wait ?? TimeSpan.FromMinutes(1)).TotalMinutes));

    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "none";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose()
    {
        partitions.Dispose();
        everyone.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromMinutes(1);
}
