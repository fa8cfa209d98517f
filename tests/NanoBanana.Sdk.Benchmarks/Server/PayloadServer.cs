using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NanoBanana.Sdk.Benchmarks.Server;

/// <summary>
/// Kestrel on 127.0.0.1 answering every route with its prebuilt body. It runs in a process of its own
/// (<c>--serve</c>), so the clients' allocation and memory figures never include the server's.
/// </summary>
internal static class PayloadServer
{
    /// <summary>The line the server prints once it listens, followed by its base address.</summary>
    public const string ListeningPrefix = "listening ";

    /// <summary>Serves until standard input closes, which happens when the process that started it ends.</summary>
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var routes = Payloads.All();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.Run(context => AnswerAsync(context, routes));
        await app.StartAsync(cancellationToken);

        Console.WriteLine(ListeningPrefix + app.Urls.Single().TrimEnd('/') + "/");
        await Console.In.ReadToEndAsync(cancellationToken);
        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    private static async Task AnswerAsync(HttpContext context, Dictionary<string, Payload> routes)
    {
        // Read the request to its end so the connection can be reused, as a real server would.
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        if (!routes.TryGetValue(Routes.Key(context.Request.Method, context.Request.Path.Value ?? "/"), out var payload))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync($"no payload for {context.Request.Method} {context.Request.Path}", context.RequestAborted);
            return;
        }

        context.Response.ContentType = payload.ContentType;
        context.Response.ContentLength = payload.Body.Length;
        await context.Response.Body.WriteAsync(payload.Body, context.RequestAborted);
    }
}
