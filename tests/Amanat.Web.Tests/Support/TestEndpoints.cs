using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Amanat.Web.Tests.Support;

/// <summary>
/// Test-only additions to the pipeline: a fixed client address (as if behind a proxy) and endpoints that
/// fail on purpose, to prove what users see when the server has a bug.
/// </summary>
public sealed class TestEndpoints(IPAddress? remoteAddress = null) : IStartupFilter
{
    public const string Canary = "CANARY-stack-detail-7f3a";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (remoteAddress is not null)
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = remoteAddress;
                return nextMiddleware(context);
            });
        }

        next(app);
        app.Map("/api/v1/test-failure", branch => branch.Run(_ => throw new InvalidOperationException(Canary)));
        app.Map("/test-failure", branch => branch.Run(_ => throw new InvalidOperationException(Canary)));
        app.Map("/test-client-address", branch => branch.Run(context =>
            context.Response.WriteAsync($"{context.Connection.RemoteIpAddress} {context.Request.Scheme}")));
    };
}
