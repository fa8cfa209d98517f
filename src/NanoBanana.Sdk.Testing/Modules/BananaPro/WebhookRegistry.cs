namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>The account's webhook endpoints; ids count up from 1, as in the documented example.</summary>
internal sealed class WebhookRegistry
{
    private readonly Lock _gate = new();
    private readonly List<RegisteredWebhook> _webhooks = [];
    private long _lastId;

    public IReadOnlyList<RegisteredWebhook> Snapshot()
    {
        lock (_gate)
        {
            return [.. _webhooks];
        }
    }

    public RegisteredWebhook Add(Uri url, IReadOnlyList<string> events, string? secretKey)
    {
        lock (_gate)
        {
            var webhook = new RegisteredWebhook(++_lastId, url, events, secretKey);
            _webhooks.Add(webhook);
            return webhook;
        }
    }

    public bool Remove(long id)
    {
        lock (_gate)
        {
            return _webhooks.RemoveAll(w => w.Id == id) > 0;
        }
    }
}
