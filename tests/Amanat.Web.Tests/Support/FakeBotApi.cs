using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amanat.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Amanat.Web.Tests.Support;

/// <summary>One call the bot made to the Bot API: the method and its JSON body.</summary>
public sealed record BotCall(string Method, JsonObject Body)
{
    /// <summary>For sendMessage: the id the fake server gave the message.</summary>
    public int? MessageId { get; set; }

    public long? ChatId => Body["chat_id"]?.GetValue<JsonElement>() is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : long.TryParse(Body["chat_id"]?.ToString(), out var id) ? id : null;

    public string? Text => Body["text"]?.ToString();
}

/// <summary>
/// A Telegram Bot API server on loopback, just enough of it for the bot: getMe, getUpdates (serving the
/// messages a test "sends"), sendMessage, deleteMessage and the rest answered "ok". It records every call.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:TEST-token_for-tests";
    public const string UserName = "amanat_test_bot";

    private readonly WebApplication app;
    private readonly List<JsonObject> updates = [];
    private readonly ConcurrentQueue<BotCall> calls = new();
    private readonly ConcurrentDictionary<long, bool> blocked = new();
    private readonly SemaphoreSlim arrived = new(0);
    private int nextUpdate = 1;
    private int nextMessage = 1000;
    private int pollsInFlight;
    private long lastPollStarted;

    private FakeBotApi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/bot{token}/{method}", HandleAsync);
        app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = app.Urls.First();
    }

    public string BaseUrl { get; }

    public IReadOnlyList<BotCall> Calls => [.. calls];

    /// <summary>The settings that point an Amanat host at this server.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Amanat:Telegram:Token"] = Token,
        ["Amanat:Telegram:ApiBaseUrl"] = BaseUrl,
        ["Amanat:Telegram:ReminderHour"] = "0",
        ["Amanat:Telegram:PollSeconds"] = "1",
    };

    public static FakeBotApi Start() => new();

    /// <summary>A private message from a person to the bot, as Telegram would deliver it; returns its message id.</summary>
    public int Send(long chatId, string text, string languageCode = "ru")
    {
        var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var id = Interlocked.Increment(ref nextMessage);
        Enqueue(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = id,
                ["date"] = date,
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "T" },
                ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "T", ["language_code"] = languageCode },
                ["text"] = text,
            },
        });
        return id;
    }

    /// <summary>She pressed an inline button with this callback data under one of the bot's messages.</summary>
    public void Press(long chatId, string data, string languageCode = "ru", int? messageId = null)
    {
        var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Enqueue(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString("N"),
                ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "T", ["language_code"] = languageCode },
                ["message"] = new JsonObject
                {
                    ["message_id"] = messageId ?? Interlocked.Increment(ref nextMessage),
                    ["date"] = date,
                    ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
                    ["text"] = "…",
                },
                ["chat_instance"] = "fake",
                ["data"] = data,
            },
        });
    }

    /// <summary>The message ids the bot asked Telegram to delete in a chat.</summary>
    public IReadOnlyList<int> DeletedIn(long chatId) =>
    [
        .. Calls.Where(c => c.Method == "deleteMessage" && c.ChatId == chatId).Select(c => c.Body["message_id"]!.GetValue<int>()),
        .. Calls.Where(c => c.Method == "deleteMessages" && c.ChatId == chatId).SelectMany(c => c.Body["message_ids"]!.AsArray().Select(id => id!.GetValue<int>())),
    ];

    /// <summary>The message ids of the messages the bot sent to a chat.</summary>
    public IReadOnlyList<int> SentIds(long chatId) => [.. MessagesTo(chatId).Select(c => c.MessageId!.Value)];

    /// <summary>From now on this chat has blocked the bot: sending to it fails with 403.</summary>
    public void Block(long chatId) => blocked[chatId] = true;

    public IReadOnlyList<BotCall> MessagesTo(long chatId) => [.. Calls.Where(c => c.Method == "sendMessage" && c.ChatId == chatId)];

    /// <summary>Waits until the bot has sent a message to the chat that matches; fails after ten seconds.</summary>
    /// <param name="after">Only messages after the first this many to the chat count.</param>
    public async Task<BotCall> WaitForMessageAsync(long chatId, Func<string, bool> match, int after = 0)
    {
        ArgumentNullException.ThrowIfNull(match);
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            var found = MessagesTo(chatId).Skip(after).FirstOrDefault(c => c.Text is { } text && match(text));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"The bot sent no matching message to {chatId}. Sent: " + string.Join(" | ", MessagesTo(chatId).Select(c => c.Text)));
    }

    /// <summary>The getUpdates calls the bot has made so far.</summary>
    public int Polls => calls.Count(c => c.Method == "getUpdates");

    /// <summary>
    /// Waits until the bot has no long poll open and has started none for a quarter of a second: after a seal, the
    /// poll that was in flight has ended and the bot has stopped asking. Fails after ten seconds.
    /// </summary>
    public async Task WaitUntilNotPollingAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            if (Volatile.Read(ref pollsInFlight) == 0 && Environment.TickCount64 - Interlocked.Read(ref lastPollStarted) > 250)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException("The bot kept polling.");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        arrived.Dispose();
    }

    private void Enqueue(JsonObject update)
    {
        lock (updates)
        {
            update["update_id"] = nextUpdate++;
            updates.Add(update);
        }

        arrived.Release();
    }

    private async Task<IResult> HandleAsync(string token, string method, HttpRequest request)
    {
        if (token != Token)
        {
            return Results.Json(new { ok = false, error_code = 401, description = "Unauthorized" }, statusCode: 401);
        }

        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            body = [];
        }

        var call = new BotCall(method, body);
        if (method == "sendMessage")
        {
            call.MessageId = Interlocked.Increment(ref nextMessage);
        }

        calls.Enqueue(call);
        switch (method)
        {
            case "getMe":
                return Ok(new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "Amanat", ["username"] = UserName });
            case "getUpdates":
                Interlocked.Exchange(ref lastPollStarted, Environment.TickCount64);
                Interlocked.Increment(ref pollsInFlight);
                try
                {
                    return Ok(await UpdatesAsync(body["offset"]?.GetValue<int>() ?? 0, request.HttpContext.RequestAborted));
                }
                finally
                {
                    Interlocked.Decrement(ref pollsInFlight);
                }
            case "sendMessage":
                if (call.ChatId is { } chat && blocked.ContainsKey(chat))
                {
                    return Results.Json(new { ok = false, error_code = 403, description = "Forbidden: bot was blocked by the user" }, statusCode: 403);
                }

                return Ok(new JsonObject
                {
                    ["message_id"] = call.MessageId,
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = new JsonObject { ["id"] = call.ChatId, ["type"] = "private" },
                    ["text"] = call.Text,
                });
            default:
                return Ok(true);
        }
    }

    private async Task<JsonArray> UpdatesAsync(int offset, CancellationToken aborted)
    {
        // A short long-poll: answer at once when there is news, else after a second with nothing.
        var until = DateTime.UtcNow.AddSeconds(1);
        while (true)
        {
            lock (updates)
            {
                var fresh = updates.Where(u => u["update_id"]!.GetValue<int>() >= offset).Select(u => u.DeepClone()).ToArray();
                if (fresh.Length > 0 || DateTime.UtcNow >= until)
                {
                    return [.. fresh];
                }
            }

            try
            {
                await arrived.WaitAsync(TimeSpan.FromMilliseconds(200), aborted);
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }
    }

    private static IResult Ok(JsonNode? result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });
}

/// <summary>The application on SQLite with its bot pointed at a <see cref="FakeBotApi"/>.</summary>
public sealed class TelegramApp : AmanatApp
{
    public TelegramApp()
        : this(FakeBotApi.Start())
    {
    }

    private TelegramApp(FakeBotApi bot)
        : base(DatabaseProvider.Sqlite, bot.Settings) => Bot = bot;

    public FakeBotApi Bot { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Bot.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
