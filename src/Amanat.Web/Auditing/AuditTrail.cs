using System.Net;
using System.Net.Sockets;
using Amanat.Core.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Localization;

namespace Amanat.Web.Auditing;

/// <summary>
/// The audit for the current request (or the CLI): who from the signed-in principal unless given, the
/// channel (web page, API, CLI) and a coarse network — never content, never a full address. A change and its
/// entries run in <see cref="BeginAsync"/>'s transaction; <see cref="RecordAsync"/> is an entry alone (or
/// one more in the transaction open on this request).
/// </summary>
internal sealed class AuditTrail(AuditLog log, IHttpContextAccessor accessor, ProcessChannel channel)
{
    public Task<AuditedTransaction> BeginAsync(Guid? actorId = null, CancellationToken cancellationToken = default) =>
        log.BeginAsync(Source(actorId), cancellationToken);

    public Task RecordAsync(AuditEventType type, Guid? subjectId = null, long? value = null, Guid? actorId = null, DateTime? atUtc = null, byte[]? dataHash = null) =>
        log.RecordAsync(type, Source(actorId), subjectId, value, dataHash, atUtc);

    /// <summary>The acting person (the signed-in one unless given), the channel and the coarse network.</summary>
    public AuditSource Source(Guid? actorId = null)
    {
        var http = accessor.HttpContext;
        return http is null
            ? new AuditSource(actorId, channel.Origin, null)
            : new AuditSource(actorId ?? http.User.UserId(), AreaPaths.IsApi(http.Request.Path) ? AuditOrigin.Api : AuditOrigin.Web, CoarseNetwork(http.Connection.RemoteIpAddress));
    }

    /// <summary>IPv4 to /16, IPv6 to /32: enough to tell the office from abroad, not enough to find a person.</summary>
    public static string? CoarseNetwork(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return "local";
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? $"{bytes[0]}.{bytes[1]}.0.0/16"
            : $"{bytes[0]:x2}{bytes[1]:x2}:{bytes[2]:x2}{bytes[3]:x2}::/32";
    }
}

/// <summary>Which program is running: the server (its own actions are "system") or the administration CLI.</summary>
internal sealed record ProcessChannel(AuditOrigin Origin);
