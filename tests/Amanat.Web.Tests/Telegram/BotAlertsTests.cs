using Amanat.Core.Staff;
using Amanat.Web.Telegram;
using Amanat.Web.Tests.Community;
using Amanat.Web.Tests.Incidents;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Telegram;

/// <summary>Subscribing to a city's alerts in the bot: each new alert pushed once in her language; stop at any time.</summary>
[Collection(TelegramCollection.Name)]
public sealed class BotAlertsTests(TelegramApp app) : IntegrationTest(app)
{
    private FakeBotApi Bot => app.Bot;

    [Fact]
    public async Task SubscribersOfTheCity_GetAPublishedAlertOnceInTheirLanguage_AndStopWhenTheyWant()
    {
        const long almaty = 880_200;
        const long uzbek = 880_201;
        const long astana = 880_202;
        var ru = new BotChatDriver(Bot, almaty, "ru");
        await ru.StartAsync("ru", "Что вы хотите сделать?");
        var cities = await ru.PressAsync("alerts", t => t.StartsWith("Предупреждения какого города вы хотите получать?", StringComparison.Ordinal));
        Assert.Contains("sub:ALA", cities.Body["reply_markup"]!.ToJsonString(), StringComparison.Ordinal);
        await ru.PressAsync("sub:ALA", t => t.StartsWith("Готово: вы будете получать новые предупреждения по городу Алматы.", StringComparison.Ordinal));
        var uz = new BotChatDriver(Bot, uzbek, "uz");
        await uz.StartAsync("uz", "Nima qilmoqchisiz?");
        await uz.SendAsync("/alerts", t => t.StartsWith("Qaysi shahar ogohlantirishlarini", StringComparison.Ordinal));
        await uz.PressAsync("sub:ALA", t => t.StartsWith("Tayyor: Almati shahri boʻyicha", StringComparison.Ordinal));
        var other = new BotChatDriver(Bot, astana, "ru");
        await other.StartAsync("ru", "Что вы хотите сделать?");
        await other.PressAsync("sub:AST", t => t.StartsWith("Готово", StringComparison.Ordinal));

        // An alert in Almaty is published (written, approved by the other coordinator, published).
        var author = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var approver = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var incident = await Situations.RecordAsync(author, AlertTests.ClientIncident(App.Today.AddDays(-2), "87017770011"));
        var before = (Ru: Bot.MessagesTo(almaty).Count, Uz: Bot.MessagesTo(uzbek).Count, Ast: Bot.MessagesTo(astana).Count);
        await AlertTests.PublishFromAsync(author, approver, incident, "Серая машина, номер начинается на 777");

        var pushed = await Bot.WaitForMessageAsync(almaty, t => t.StartsWith("⚠️ Осторожно: Клиент", StringComparison.Ordinal), before.Ru);
        Assert.Contains("Алматы", pushed.Text, StringComparison.Ordinal);
        Assert.Contains("Серая машина, номер начинается на 777", pushed.Text, StringComparison.Ordinal);
        Assert.Contains("+7 701 ••• •• 11", pushed.Text, StringComparison.Ordinal); // the list goes out masked: the full number only through the check
        Assert.DoesNotContain("7770011", pushed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("KZA", pushed.Text, StringComparison.Ordinal);
        Assert.Contains("/stop", pushed.Text, StringComparison.Ordinal);
        var inUzbek = await Bot.WaitForMessageAsync(uzbek, t => t.StartsWith("⚠️ Ehtiyot boʻling: Mijoz", StringComparison.Ordinal), before.Uz);
        Assert.Contains("Almati", inUzbek.Text, StringComparison.Ordinal);
        Assert.Contains("Серая машина", inUzbek.Text, StringComparison.Ordinal); // the only description there is
        Assert.Equal(before.Ast, Bot.MessagesTo(astana).Count); // another city: nothing

        // Once only.
        Assert.Equal(0, await SendDueAsync());
        Assert.Equal(before.Ru + 1, Bot.MessagesTo(almaty).Count);

        // She stops; the next alert is not pushed to her, and her city is no longer kept.
        await ru.SendAsync("/stop", t => t.StartsWith("Предупреждения остановлены.", StringComparison.Ordinal));
        Bot.Block(uzbek); // the other one blocked the bot: her chat is forgotten at the next push
        var chats = await App.WithDbAsync(db => db.BotChats.CountAsync());
        var second = await Situations.RecordAsync(author, AlertTests.ClientIncident(App.Today.AddDays(-1), "87017770022"));
        await AlertTests.PublishFromAsync(author, approver, second);
        await WaitUntilAsync(async () => await App.WithDbAsync(db => db.Alerts.CountAsync(a => a.PushedAtUtc == null)) == 0);
        Assert.Equal(before.Ru + 2, Bot.MessagesTo(almaty).Count); // the push, then "stopped": nothing more
        Assert.Equal(chats - 1, await App.WithDbAsync(db => db.BotChats.CountAsync()));
        var subscribed = (await App.WithDbAsync(db => db.BotChats.ToListAsync())).Where(c => c.AlertCity is not null).ToList();
        Assert.Equal("AST", Assert.Single(subscribed).AlertCity);
    }

    private async Task<int> SendDueAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertPushes>().SendDueAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        for (var i = 0; i < 100 && !await done(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await done());
    }
}
