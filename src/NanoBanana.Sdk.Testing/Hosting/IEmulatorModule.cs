using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace NanoBanana.Sdk.Testing.Hosting;

/// <summary>One vendor's protocol, mounted under its own path prefix; adding a vendor means adding a module.</summary>
internal interface IEmulatorModule
{
    /// <summary>The path every endpoint of the module lives under, e.g. <c>/nananobanana/api/v1</c>.</summary>
    PathString PathPrefix { get; }

    /// <summary>Adds the module's endpoints.</summary>
    void Map(IEndpointRouteBuilder routes);

    /// <summary>Answers with the vendor's documented error body for <paramref name="statusCode"/>; used by injected faults.</summary>
    Task WriteErrorAsync(HttpContext context, int statusCode);
}
