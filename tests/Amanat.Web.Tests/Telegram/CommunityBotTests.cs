using System.Globalization;
using Amanat.Core.Providers;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Telegram;

/// <summary>The community side of the bot through a fake Bot API: language with buttons, friendly providers of a city, /forget.</summary>
[Collection(TelegramCollection.Name)]
public sealed class CommunityBotTests(TelegramApp app) : IntegrationTest(app)
{
    private const long Chat = 880_042;

    private FakeBotApi Bot => app.Bot;

    [Fact]
    public async Task SheChoosesHerLanguage_FindsAFriendlyClinic_AndForgetDeletesTheChatAndTheBotsMessages()
    {
        await App.WithDbAsync(db =>
        {
            db.Providers.Add(new Provider(new ProviderDraft { Name = "Klinika «Mehr»", Kind = ProviderKind.Clinic, CityCode = "ALA", NoDocumentsNeeded = true, Cost = ProviderCost.Free, IsPublic = true, Hours = "9–18" }, DateTime.UtcNow));
            return db.SaveChangesAsync();
        });

        Bot.Send(Chat, "/start", "uz-UZ");
        var choose = await Bot.WaitForMessageAsync(Chat, t => t.StartsWith("Assalomu alaykum! Tilni tanlang.", StringComparison.Ordinal));
        Assert.Contains("lang:uz", choose.Body["reply_markup"]!.ToJsonString(), StringComparison.Ordinal);

        Bot.Press(Chat, "lang:uz", "uz-UZ");
        var menu = await Bot.WaitForMessageAsync(Chat, t => t.StartsWith("Nima qilmoqchisiz?", StringComparison.Ordinal));
        Assert.Contains("\"help\"", menu.Body["reply_markup"]!.ToJsonString(), StringComparison.Ordinal);

        Bot.Press(Chat, "help", "uz-UZ");
        var cities = await Bot.WaitForMessageAsync(Chat, t => t == "Qaysi shaharda?");
        Assert.Contains("help:ALA", cities.Body["reply_markup"]!.ToJsonString(), StringComparison.Ordinal);
        Bot.Press(Chat, "help:ALA", "uz-UZ");
        var providers = await Bot.WaitForMessageAsync(Chat, t => t.Contains("Klinika «Mehr»", StringComparison.Ordinal));
        Assert.Contains("Hujjat kerak emas.", providers.Text, StringComparison.Ordinal);

        // The chat id is kept only encrypted, with a keyed hash to find it.
        var stored = await App.ScalarAsync("SELECT \"ChatId\" FROM \"BotChats\"");
        Assert.DoesNotContain(Chat.ToString(CultureInfo.InvariantCulture), stored?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var sent = Bot.MessagesTo(Chat).Count;

        Bot.Send(Chat, "/forget", "uz-UZ");
        await Bot.WaitForMessageAsync(Chat, t => t.StartsWith("Tayyor: bot bu chat haqida", StringComparison.Ordinal));
        Assert.Equal(0, await App.WithDbAsync(db => db.BotChats.CountAsync()));
        Assert.Equal(sent, Bot.DeletedIn(Chat).Count);
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains(Chat.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) || l.Contains("Mehr", StringComparison.Ordinal));
    }
}
