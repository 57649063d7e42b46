using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;
using Amanat.Core.Community;
using Amanat.Core.Members;
using Amanat.Core.Security;
using Amanat.Core.SelfReports;
using Amanat.Web.Keys;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Telegram;

/// <summary>Drives one chat with the bot through a fake Bot API, one answer at a time.</summary>
public sealed class BotChatDriver(FakeBotApi bot, long chat, string languageCode)
{
    /// <summary>Her messages, by id.</summary>
    public List<int> Sent { get; } = [];

    public async Task<BotCall> SendAsync(string text, Func<string, bool> reply)
    {
        var before = bot.MessagesTo(chat).Count;
        Sent.Add(bot.Send(chat, text, languageCode));
        return await bot.WaitForMessageAsync(chat, reply, before);
    }

    public async Task<BotCall> PressAsync(string data, Func<string, bool> reply, int? on = null)
    {
        var before = bot.MessagesTo(chat).Count;
        bot.Press(chat, data, languageCode, on);
        return await bot.WaitForMessageAsync(chat, reply, before);
    }

    /// <summary>Presses buttons that change the question's own keyboard (ticks), then one that moves on.</summary>
    public async Task<BotCall> TickAsync(BotCall question, IEnumerable<string> ticks, Func<string, bool> next)
    {
        ArgumentNullException.ThrowIfNull(question);
        foreach (var tick in ticks)
        {
            bot.Press(chat, tick, languageCode, question.MessageId);
        }

        return await PressAsync("r:next", next);
    }

    public async Task StartAsync(string language, string menu)
    {
        await SendAsync("/start", _ => true);
        await PressAsync("lang:" + language, t => t.StartsWith(menu, StringComparison.Ordinal));
    }
}

/// <summary>
/// The report in the bot: a full dialogue in Russian and in Uzbek, cancelling midway, and what is kept —
/// the report sealed like a web report, nothing of the dialogue in the database, the chat cleaned.
/// </summary>
[Collection(TelegramCollection.Name)]
public sealed partial class BotReportTests(TelegramApp app) : IntegrationTest(app)
{
    private FakeBotApi Bot => app.Bot;

    [Fact]
    public async Task AFullReportInRussian_IsSealedAsTheWebOnes_AndTheChatIsCleanedUp()
    {
        const long chat = 880_100;
        var her = new BotChatDriver(Bot, chat, "ru");
        await her.StartAsync("ru", "Что вы хотите сделать?");
        var botBefore = Bot.SentIds(chat).Count;

        var what = await her.PressAsync("report", t => t.StartsWith("Расскажите, что случилось.", StringComparison.Ordinal));
        Assert.Contains("Что случилось? Отметьте всё, что подходит.", what.Text, StringComparison.Ordinal);
        Assert.Contains("r:w:DETAINED", what.Body["reply_markup"]!.ToJsonString(), StringComparison.Ordinal);
        await her.TickAsync(what, ["r:w:DETAINED", "r:w:DOCUMENTS", "r:w:BEATEN", "r:w:BEATEN"], t => t.StartsWith("Когда?", StringComparison.Ordinal));
        Assert.True(Bot.Calls.Count(c => c.Method == "editMessageReplyMarkup" && c.ChatId == chat) >= 4); // the ticks show

        await her.SendAsync("31.02.2026", t => t.StartsWith("Не удалось понять дату.", StringComparison.Ordinal));
        await her.SendAsync(App.Today.AddDays(1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), t => t.StartsWith("Дата не может быть в будущем.", StringComparison.Ordinal));
        var city = await her.SendAsync(App.Today.AddDays(-3).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), t => t == "В каком городе?");
        Assert.Contains("r:city:ALA", city.Body["reply_markup"]!.ToJsonString(), StringComparison.Ordinal);
        await her.PressAsync("r:city:NOWHERE", t => t == "В каком городе?"); // a forged button is not taken
        await her.PressAsync("r:city:ALA", t => t == "Кто это сделал?");
        await her.PressAsync("r:who:POL", t => t.StartsWith("Вы знаете его номер", StringComparison.Ordinal));
        await her.SendAsync("+7 701 555 1234", t => t.StartsWith("Записано.", StringComparison.Ordinal));
        await her.SendAsync("777 ABC 02", t => t.StartsWith("Записано.", StringComparison.Ordinal));
        await her.PressAsync("r:next", t => t.StartsWith("Своими словами", StringComparison.Ordinal));
        var needs = await her.SendAsync("Забрали паспорт на три дня, bot-canary-story", t => t == "Что вам нужно сейчас?");
        await her.TickAsync(needs, ["r:n:DOCUMENTS", "r:n:LAWYER"], t => t.StartsWith("Как с вами связаться?", StringComparison.Ordinal));
        await her.PressAsync("r:ch:Telegram", t => t.StartsWith("Напишите номер или имя в Telegram", StringComparison.Ordinal));
        var consents = await her.SendAsync("@saule_kz", t => t.StartsWith("Что центр может с этим делать?", StringComparison.Ordinal));
        var summary = await her.TickAsync(consents, ["r:c:SERVICES", "r:c:STATS"], t => t.StartsWith("Проверьте и нажмите «Отправить»", StringComparison.Ordinal));
        Assert.Contains("Что случилось: Меня задержали или удерживали; Забрали мои документы", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Город: Алматы", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Кто: Полиция", summary.Text, StringComparison.Ordinal);
        Assert.Contains("+7 701 555 1234", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Связь: Telegram — @saule_kz", summary.Text, StringComparison.Ordinal);

        // Until she presses "Send" nothing is in the database.
        Assert.Equal(0, await App.WithDbAsync(db => db.SelfReports.CountAsync(r => r.Channel == SelfReportChannel.Bot)));
        var thanks = await her.PressAsync("r:send", t => t.StartsWith("Спасибо. Мы получили сообщение.", StringComparison.Ordinal));
        var reference = ReferencePattern().Match(thanks.Text!).Value;
        Assert.NotEmpty(reference);

        var content = await OpenBotReportAsync(reference);
        Assert.Equal("ru", content.Language);
        Assert.Equal(["DETAINED", "DOCUMENTS"], content.What);
        Assert.Equal(App.Today.AddDays(-3), content.When);
        Assert.Equal(("ALA", "POL"), (content.CityCode, content.Who));
        Assert.Equal(("+7 701 555 1234", "777 ABC 02"), (content.Phone, content.Plate));
        Assert.Equal("Забрали паспорт на три дня, bot-canary-story", content.Story);
        Assert.Equal(["LAWYER", "DOCUMENTS"], content.Needs);
        Assert.Equal((ContactChannel.Telegram, "@saule_kz"), (content.ContactChannel, content.Contact));
        Assert.True(content.Consented("SERVICES") && content.Consented("STATS"));
        Assert.False(content.Consented("ALERT") || content.Consented("LAWYER") || content.Consented("AUTHORITIES"));

        // Every question and every answer of hers is deleted from the chat; only the reference stays.
        var deleted = Bot.DeletedIn(chat);
        var questions = Bot.SentIds(chat).Skip(botBefore).Where(id => id != thanks.MessageId).ToList();
        Assert.All(questions, id => Assert.Contains(id, deleted));
        Assert.All(her.Sent.Skip(1), id => Assert.Contains(id, deleted)); // all but her /start
        Assert.DoesNotContain(thanks.MessageId!.Value, deleted);

        // The coordinators see it in the queue, marked as from the bot; no log line holds any of it.
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains("bot-canary", StringComparison.Ordinal) || l.Contains("555 1234", StringComparison.Ordinal) || l.Contains(chat.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task InUzbek_CancelMidwayKeepsNothing_ThenAShortReportWithButtonsOnly()
    {
        const long chat = 880_101;
        var her = new BotChatDriver(Bot, chat, "uz");
        await her.StartAsync("uz", "Nima qilmoqchisiz?");
        var reports = await App.WithDbAsync(db => db.SelfReports.CountAsync());

        var what = await her.PressAsync("report", t => t.StartsWith("Nima boʻlganini aytib bering.", StringComparison.Ordinal));
        Bot.Press(chat, "r:w:MONEY", "uz", what.MessageId);
        await her.SendAsync("salom", t => t.StartsWith("Iltimos, savol ostidagi tugmalar bilan javob bering", StringComparison.Ordinal));
        var cancelled = await her.PressAsync("cancel", t => t.StartsWith("Bekor qilindi.", StringComparison.Ordinal));
        Assert.Contains("Nima qilmoqchisiz?", cancelled.Text, StringComparison.Ordinal); // and the menu again
        Assert.Contains(what.MessageId!.Value, Bot.DeletedIn(chat));
        Assert.Contains(her.Sent[^1], Bot.DeletedIn(chat));
        Assert.Equal(reports, await App.WithDbAsync(db => db.SelfReports.CountAsync()));
        await her.PressAsync("r:next", t => t.StartsWith("Nima qilmoqchisiz?", StringComparison.Ordinal)); // an old button after cancel: just the menu

        what = await her.PressAsync("report", t => t.StartsWith("Nima boʻlganini aytib bering.", StringComparison.Ordinal));
        await her.TickAsync(what, ["r:w:BEATEN"], t => t.StartsWith("Qachon?", StringComparison.Ordinal));
        await her.PressAsync("r:d:1", t => t == "Qaysi shaharda?");
        await her.PressAsync("r:skip", t => t == "Buni kim qildi?");
        await her.PressAsync("r:who:CLI", t => t.StartsWith("Uning telefon yoki mashina raqamini bilasizmi?", StringComparison.Ordinal));
        await her.PressAsync("r:skip", t => t.StartsWith("Xohlasangiz, oʻz soʻzlaringiz bilan", StringComparison.Ordinal));
        var needs = await her.PressAsync("r:skip", t => t == "Hozir sizga nima kerak?");
        await her.TickAsync(needs, ["r:n:DOCTOR", "r:n:NOTHING"], t => t.StartsWith("Siz bilan qanday bogʻlanish mumkin?", StringComparison.Ordinal));
        var consents = await her.PressAsync("r:ch:NotToBeContacted", t => t.StartsWith("Markaz bundan qanday foydalanishi mumkin?", StringComparison.Ordinal));
        var summary = await her.TickAsync(consents, ["r:c:ALERT"], t => t.StartsWith("Tekshiring va «Yuborish»ni bosing:", StringComparison.Ordinal));
        Assert.Contains("Kim: Mijoz", summary.Text, StringComparison.Ordinal);
        var thanks = await her.PressAsync("r:send", t => t.StartsWith("Rahmat. Xabaringizni oldik.", StringComparison.Ordinal));

        var content = await OpenBotReportAsync(ReferencePattern().Match(thanks.Text!).Value);
        Assert.Equal(("uz", "CLI", (string?)null), (content.Language, content.Who, content.CityCode));
        Assert.Equal(["BEATEN"], content.What);
        Assert.Equal(App.Today.AddDays(-1), content.When);
        Assert.Equal(["NOTHING"], content.Needs); // "nothing" unticks the others
        Assert.Equal(ContactChannel.NotToBeContacted, content.ContactChannel);
        Assert.True(content.Consented("ALERT"));
        Assert.Null(content.Story);
    }

    [Fact]
    public async Task Forget_DropsAReportBeingGiven_WithItsMessages_AndTheChat()
    {
        const long chat = 880_102;
        var her = new BotChatDriver(Bot, chat, "ru");
        await her.StartAsync("ru", "Что вы хотите сделать?");
        var what = await her.PressAsync("report", t => t.StartsWith("Расскажите, что случилось.", StringComparison.Ordinal));
        await her.TickAsync(what, ["r:w:THREATS"], t => t.StartsWith("Когда?", StringComparison.Ordinal));
        await her.SendAsync("вчера\u0007", t => t.StartsWith("Здесь есть недопустимые символы.", StringComparison.Ordinal));
        var questions = Bot.SentIds(chat).SkipWhile(id => id != what.MessageId).ToList();
        var chats = await App.WithDbAsync(db => db.BotChats.CountAsync());

        await her.SendAsync("/forget", t => t.StartsWith("Готово: всё, что бот хранил об этом чате, удалено", StringComparison.Ordinal));
        Assert.All(questions, id => Assert.Contains(id, Bot.DeletedIn(chat)));
        Assert.Contains(her.Sent[^2], Bot.DeletedIn(chat)); // her answer too
        Assert.Equal(chats - 1, await App.WithDbAsync(db => db.BotChats.CountAsync()));

        // The report is gone: its buttons no longer lead anywhere, and the bot starts afresh.
        await her.PressAsync("r:w:BEATEN", t => t.StartsWith("Здравствуйте! Выберите язык.", StringComparison.Ordinal));
    }

    private async Task<SelfReportContent> OpenBotReportAsync(string reference)
    {
        var hash = ReadableCode.Hash(ReadableCode.Normalise(reference)!, SelfReport.ReferencePurpose);
        var report = await App.WithDbAsync(db => db.SelfReports.SingleAsync(r => r.ReferenceHash == hash));
        Assert.Equal(SelfReportChannel.Bot, report.Channel);
        using var key = App.Services.GetRequiredService<KeyVault>().SelfReportPrivateKey();
        return report.Open(key)!;
    }

    [GeneratedRegex("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}")]
    private static partial Regex ReferencePattern();
}

/// <summary>
/// While the server is sealed the bot can still take a report (in memory, sealed to the public key on
/// "Send"); nothing else. Afterwards the raw database files hold neither the chat ids nor anything of a
/// dialogue — finished, or left halfway — nor the subscribed city's chats in readable form.
/// </summary>
public sealed class SealedBotTests : IAsyncLifetime
{
    private const string Passphrase = "river stone lantern morning";
    private readonly TelegramApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task WhileSealed_AReportIsTaken_AndNoChatIdOrDialogueStateIsReadableInTheFiles()
    {
        const long chat = 7_340_991_257;
        const long other = 7_340_991_258;
        var her = new BotChatDriver(app.Bot, chat, "ru");
        await her.StartAsync("ru", "Что вы хотите сделать?");
        await her.PressAsync("alerts", t => t.StartsWith("Предупреждения какого города", StringComparison.Ordinal));
        await her.PressAsync("sub:ALA", t => t.StartsWith("Готово: вы будете получать", StringComparison.Ordinal));

        // Another chat leaves a report halfway, with its story typed, and stops there.
        var halfway = new BotChatDriver(app.Bot, other, "kk");
        await halfway.StartAsync("kk", "Не істегіңіз келеді?");
        var what = await halfway.PressAsync("report", _ => true);
        await halfway.TickAsync(what, [], t => t.StartsWith("Қашан?", StringComparison.Ordinal));
        await halfway.PressAsync("r:skip", _ => true);
        await halfway.PressAsync("r:skip", _ => true);
        await halfway.PressAsync("r:skip", _ => true);
        await halfway.PressAsync("r:skip", t => t.Contains("бірер сөз", StringComparison.Ordinal));
        await halfway.SendAsync("halfway-canary-story", _ => true);

        var vault = app.Services.GetRequiredService<KeyVault>();
        vault.UsePassphrase(Passphrase);
        await app.Services.GetRequiredService<Sealing>().SealAsync(Core.Auditing.AuditSource.System);

        await her.SendAsync("/start", t => t.StartsWith("Сейчас бот может только принять сообщение", StringComparison.Ordinal));
        await her.PressAsync("lang:uz", t => t.StartsWith("Hozir bot faqat", StringComparison.Ordinal));
        var sealedWhat = await her.PressAsync("report:uz", t => t.StartsWith("Nima boʻlganini aytib bering.", StringComparison.Ordinal));
        await her.PressAsync("check", t => t.StartsWith("Hozir bot faqat", StringComparison.Ordinal)); // nothing else works
        await her.TickAsync(sealedWhat, ["r:w:DOCUMENTS"], t => t.StartsWith("Qachon?", StringComparison.Ordinal));
        await her.PressAsync("r:skip", _ => true);
        await her.PressAsync("r:skip", _ => true);
        await her.PressAsync("r:skip", _ => true);
        await her.PressAsync("r:skip", _ => true);
        await her.SendAsync("sealed-canary-story", t => t == "Hozir sizga nima kerak?");
        await her.PressAsync("r:next", _ => true);
        await her.PressAsync("r:skip", _ => true);
        await her.PressAsync("r:next", t => t.StartsWith("Tekshiring", StringComparison.Ordinal));
        var thanks = await her.PressAsync("r:send", t => t.StartsWith("Rahmat. Xabaringizni oldik.", StringComparison.Ordinal));
        Assert.Matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", thanks.Text);

        // The raw files (database and its WAL) while sealed: no chat id, no story, no subscribed city in clear.
        var raw = string.Join("\n", (await app.CopyDatabaseFilesAsync()).Select(b => Encoding.UTF8.GetString(b) + Encoding.Latin1.GetString(b)));
        foreach (var canary in new[] { chat.ToString(CultureInfo.InvariantCulture), other.ToString(CultureInfo.InvariantCulture), "halfway-canary", "sealed-canary", "|number|", "code|" })
        {
            Assert.DoesNotContain(canary, raw, StringComparison.Ordinal);
        }

        var chatRows = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"AlertCity\" AS \"Value\" FROM \"BotChats\" WHERE \"AlertCity\" IS NOT NULL").ToListAsync());
        Assert.DoesNotContain("ALA", Assert.Single(chatRows), StringComparison.Ordinal);

        Assert.True(vault.TryUnseal(Passphrase));
        var reports = await app.WithDbAsync(db => db.SelfReports.Where(r => r.Channel == SelfReportChannel.Bot).ToListAsync());
        using var key = vault.SelfReportPrivateKey();
        var content = Assert.Single(reports).Open(key)!;
        Assert.Equal(("uz", "sealed-canary-story"), (content.Language, content.Story));
    }
}
