using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NanoBanana.Sdk.Failover;

namespace NanoBanana.Sdk;

/// <summary>
/// Runs each job on the first of several providers that takes it. It moves on to the next provider only while no job was
/// accepted: when a provider refused the job unrun (the key was rejected, too few credits, rate limited or busy, a
/// redirect) or could not be reached. Once a vendor may have accepted the job — it issued a job id, the request timed out
/// or broke after it was sent, the vendor failed, refused the content or the job failed — that provider's exception is
/// thrown as it is, so a job is never paid twice. When every provider refuses, the last refusal is thrown (the earlier
/// ones are logged). Thread-safe; it does not own its providers.
/// </summary>
/// <example>
/// <code>
/// var client = new FailoverImageGenerationClient([nanaNanoBanana, gemini]);
/// var result = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a red fox in snow" });
/// Console.WriteLine(result.Provider); // the provider that ran the job
/// </code>
/// </example>
public sealed class FailoverImageGenerationClient : IImageGenerationClient
{
    private readonly IImageGenerationClient[] _clients;
    private readonly ILogger _logger;

    /// <summary>Creates a client that tries <paramref name="clients"/> in order.</summary>
    /// <param name="clients">The providers, most preferred first; at least one.</param>
    /// <param name="loggerFactory">Where each move to the next provider is logged; <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentException">No provider, or a null one, was given.</exception>
    public FailoverImageGenerationClient(IEnumerable<IImageGenerationClient> clients, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _clients = [.. clients];
        if (_clients.Length == 0 || Array.Exists(_clients, c => c is null))
        {
            throw new ArgumentException("Give at least one provider, and no null ones.", nameof(clients));
        }

        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FailoverImageGenerationClient>();
        ProviderName = $"Failover({string.Join(", ", _clients.Select(c => c.ProviderName))})";
        Capabilities = FailoverCapabilities.Intersect([.. _clients.Select(c => c.Capabilities)]);
    }

    /// <summary>The providers, in the order they are tried.</summary>
    public IReadOnlyList<IImageGenerationClient> Clients => _clients;

    /// <inheritdoc/>
    /// <remarks>For example <c>Failover(NanaNanoBanana, Gemini)</c>; a result's <see cref="ImageGenerationResult.Provider"/> names the provider that ran the job.</remarks>
    public string ProviderName { get; }

    /// <inheritdoc/>
    /// <remarks>What every provider supports, so a request that fits can run on whichever provider takes it; requests are checked against it before anything is sent.</remarks>
    public ImageGenerationCapabilities Capabilities { get; }

    /// <inheritdoc/>
    public Task<ImageGenerationResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default) =>
        FirstTakerAsync(request, static (client, request, token) => client.GenerateAsync(request, token), cancellationToken);

    /// <inheritdoc/>
    /// <remarks>A provider's stream is left for the next only if it fails before its first update: an update means the job was accepted.</remarks>
    public async IAsyncEnumerable<ImageGenerationUpdate> GenerateStreamingAsync(
        ImageGenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Validate(request, cancellationToken);
        for (var i = 0; i < _clients.Length; i++)
        {
            var updates = _clients[i].GenerateStreamingAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (updates.ConfigureAwait(false))
            {
                var accepted = false;
                while (true)
                {
                    try
                    {
                        if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            yield break;
                        }
                    }
                    catch (Exception e) when (!accepted && MayMoveOn(i, e, cancellationToken))
                    {
                        break;
                    }

                    accepted = true;
                    yield return updates.Current;
                }
            }
        }
    }

    /// <inheritdoc/>
    public Task<ImageGenerationOperation> StartGenerationAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default) =>
        FirstTakerAsync(request, static (client, request, token) => client.StartGenerationAsync(request, token), cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// The id does not say which provider issued it, so each provider is asked in order and the first that knows the job
    /// answers (a status read is free). When none does, the first failure other than "unknown id" is thrown, else the first.
    /// </remarks>
    public async Task<ImageGenerationOperation> GetGenerationAsync(string operationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        var failures = new List<Exception>(_clients.Length);
        foreach (var client in _clients)
        {
            try
            {
                return await client.GetGenerationAsync(operationId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add(e);
            }
        }

        throw failures.Find(e => !FailoverRule.IsUnknownId(e)) ?? failures[0];
    }

    /// <inheritdoc/>
    /// <remarks>Returns this client for its own type; otherwise the first provider's service, for example its typed client.</remarks>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null && serviceType.IsInstanceOfType(this))
        {
            return this;
        }

        return _clients.Select(c => c.GetService(serviceType, serviceKey)).FirstOrDefault(s => s is not null);
    }

    private async Task<T> FirstTakerAsync<T>(
        ImageGenerationRequest request, Func<IImageGenerationClient, ImageGenerationRequest, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        Validate(request, cancellationToken);
        for (var i = 0; ; i++)
        {
            try
            {
                return await call(_clients[i], request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (MayMoveOn(i, e, cancellationToken))
            {
                // Logged by MayMoveOn; the next provider takes the job.
            }
        }
    }

    /// <summary>Checks the request against what every provider supports, so a request one provider would refuse is refused before any is asked.</summary>
    private void Validate(ImageGenerationRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ImageGenerationRequestValidator.Validate(request, ProviderName, Capabilities);
    }

    /// <summary>Whether provider <paramref name="index"/> took no job and another is left to try; logs the move when so.</summary>
    private bool MayMoveOn(int index, Exception failure, CancellationToken cancellationToken)
    {
        if (index == _clients.Length - 1 || cancellationToken.IsCancellationRequested || !FailoverRule.NoJobAccepted(failure))
        {
            return false;
        }

        FailoverLog.MovingOn(_logger, _clients[index].ProviderName, _clients[index + 1].ProviderName, failure.Message);
        return true;
    }
}
