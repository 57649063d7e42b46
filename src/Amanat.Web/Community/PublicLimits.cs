using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Amanat.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Community;

/// <summary>
/// Limits on the public endpoints, kept in memory, with no third party: per address (IPv4 as is, IPv6 by
/// its /64, after <c>ForwardedHeaders</c> has put the real client address in place) and for everyone
/// together. Per-address limits are generous because whole neighbourhoods share one mobile-carrier address.
/// </summary>
public sealed class PublicLimits : IDisposable
{
    public const string Reports = "reports";

    /// <summary>Withdrawals and other look-ups by a reference: few, so that references cannot be guessed.</summary>
    public const string Lookups = "lookups";

    private readonly PartitionedRateLimiter<string> perAddress;
    private readonly RateLimiter everyone;

    public PublicLimits(IOptions<AmanatOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var community = options.Value.Community;
        perAddress = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.StartsWith(Lookups, StringComparison.Ordinal) ? community.LookupsPerAddressPerHour : community.ReportsPerAddressPerHour,
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

    /// <summary>Takes one look-up permit for the caller; when refused, how long until she may try again.</summary>
    public TimeSpan? TryLookup(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var lease = perAddress.AttemptAcquire(Lookups + ":" + AddressKey(context.Connection.RemoteIpAddress));
        return lease.IsAcquired ? null : RetryAfter(lease);
    }

    /// <summary>Takes one report permit for the caller; when refused, how long until she may try again.</summary>
    public TimeSpan? TryReport(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var lease = perAddress.AttemptAcquire(Reports + ":" + AddressKey(context.Connection.RemoteIpAddress));
        if (!lease.IsAcquired)
        {
            return RetryAfter(lease);
        }

        using var all = everyone.AttemptAcquire();
        return all.IsAcquired ? null : RetryAfter(all);
    }

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
        perAddress.Dispose();
        everyone.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromMinutes(1);
}
