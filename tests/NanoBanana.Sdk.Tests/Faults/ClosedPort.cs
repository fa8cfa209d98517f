using System.Net;
using System.Net.Sockets;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>A loopback port nothing listens on: bound to learn a free number, then released, so a connect is refused.</summary>
public static class ClosedPort
{
    /// <summary>Points <paramref name="address"/> at a closed port on 127.0.0.1, keeping its path.</summary>
    /// <param name="address">The address to redirect.</param>
    /// <returns>The same address on a port that refuses connections.</returns>
    public static Uri On(Uri address)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new UriBuilder(address) { Host = "127.0.0.1", Port = port }.Uri;
    }
}
