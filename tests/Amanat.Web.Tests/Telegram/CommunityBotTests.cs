using System.Globalization;
using Amanat.Core.Providers;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Community;
using Amanat.Web.Tests.Incidents;
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
            db.Providers.Add(new Provider(new ProviderDraft { Name = "Klinika «Mehr»", Kind = ProviderKind.Clinic, CityCode = "ALA", NoDocumentsNeeded = true, Cost = ProviderCost.Free, IsPublic = true, Hours = "9–18" }, TestClock.UtcNow));
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

    [Fact]
    public async Task TheCheck_TakesHerCodeOnce_DeletesThatMessage_AndAnswersAsTheWebCheckDoes()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var incident = await Situations.RecordAsync(coordinator, AlertTests.ClientIncident(App.Today.AddDays(-3)));
        await AlertTests.PublishFromAsync(coordinator, coordinator, incident);
        var code = await AlertTests.IssueCodeAsync(App, coordinator.User.Id);
        const long chat = Chat + 1;

        Bot.Send(chat, "/start", "ru");
        await Bot.WaitForMessageAsync(chat, t => t.StartsWith("Здравствуйте! Выберите язык.", StringComparison.Ordinal));
        Bot.Press(chat, "lang:ru");
        await Bot.WaitForMessageAsync(chat, t => t.StartsWith("Что вы хотите сделать?", StringComparison.Ordinal));
        Bot.Press(chat, "check");
        await Bot.WaitForMessageAsync(chat, t => t.StartsWith("Отправьте код доступа", StringComparison.Ordinal));

        Bot.Send(chat, "AAAA-AAAA-AAAA");
        await Bot.WaitForMessageAsync(chat, t => t.StartsWith("Такого кода нет.", StringComparison.Ordinal));
        var codeMessage = Bot.Send(chat, code.ToLowerInvariant());
        await Bot.WaitForMessageAsync(chat, t => t == "Код принят. Теперь отправьте номер телефона или машины.");
        Assert.Contains(codeMessage, Bot.DeletedIn(chat));

        Bot.Send(chat, "+7 701 123 4567");
        var answer = await Bot.WaitForMessageAsync(chat, t => t.StartsWith("Осторожно: сообщений об этом номере: 1", StringComparison.Ordinal));
        Assert.Contains("VI насилие — сообщений: 1", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Последнее", answer.Text, StringComparison.Ordinal); // a lone report: no city or month
        Bot.Send(chat, "+7 702 000 0000");
        await Bot.WaitForMessageAsync(chat, t => t.StartsWith("По этому номеру записей нет.", StringComparison.Ordinal));

        // Nothing about the dialogue or the card is readable in the database.
        var state = await App.ScalarAsync("SELECT \"State\" FROM \"BotChats\"");
        Assert.DoesNotContain("number", state?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(2, await App.WithDbAsync(db => db.AccessCodes.Select(c => c.Uses).SingleAsync()));
    }
}
