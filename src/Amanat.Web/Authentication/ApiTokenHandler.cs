using System.Text.Encodings.Web;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer amanat_…</c>: the token's SHA-256 is looked up; a revoked token
/// or a disabled account is refused. The token acts with its owner's current roles.
/// </summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AmanatDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        var hash = SecretToken.Hash(secret);
        var token = await db.ApiTokens.SingleOrDefaultAsync(x => x.SecretHash == hash);
        var user = token is null ? null : await db.Users.SingleOrDefaultAsync(x => x.Id == token.UserId);
        if (token is null || !token.IsActive || user is null || user.IsDisabled)
        {
            return AuthenticateResult.Fail("Unknown, revoked or disabled token.");
        }

        var previousUse = token.LastUsedAtUtc;
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.MarkUsed(now))
        {
            await db.SaveChangesAsync();
        }

        // Audited at most once an hour per token, so that a polling script does not flood the trail.
        if (previousUse is null || now - previousUse >= TimeSpan.FromHours(1))
        {
            await Context.RequestServices.GetRequiredService<Auditing.AuditTrail>().RecordAsync(Core.Auditing.AuditEventType.TokenUsed, token.Id, actorId: user.Id);
        }

        var principal = StaffClaims.Principal(user, Scheme.Name, new System.Security.Claims.Claim(StaffClaims.TokenId, token.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
