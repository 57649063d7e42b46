using Amanat.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Amanat.Web.Infrastructure;

/// <summary>Healthy when the database answers. Says nothing else.</summary>
internal sealed class DatabaseHealthCheck(AmanatDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy();
}
