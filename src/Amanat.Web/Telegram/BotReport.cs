using System.Globalization;
using System.Text;
using Amanat.Core.Data;
using Amanat.Core.Members;
using Amanat.Core.SelfReports;
using Amanat.Core.Vocabularies;
using Amanat.Web.Features.Community;
using Amanat.Web.Features.SelfReports;
using Amanat.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace Amanat.Web.Telegram;

/// <summary>
/// The report in the bot: the web self-report's questions one at a time, with buttons wherever there is a
/// choice, "Cancel" under every question. The answers stay in memory (<see cref="ReportDialogues"/>);
/// "Send" seals them to the self-report public key exactly as the web form does — so it works while the
/// server is sealed — and gives her a reference. When the report is sent or cancelled the bot deletes the
/// questions and her answers from the chat, so a phone that is taken does not tell the story.
/// </summary>
internal sealed class BotReport(TelegramBot bot, ReportDialogues dialogues, ReceiveSelfReport receive, AmanatDbContext db)
{
    /// <summary>Callback data of the report's buttons start with this.</summary>
    public const string Prefix = "r:";

    public static readonly string[] DateFormats = ["d.M.yyyy", "d/M/yyyy", "d-M-yyyy", "yyyy-M-d", "d.M.yy"];

    /// <summary>Is this chat in the middle of a report?</summary>
    public bool IsOpen(long chatId) => dialogues.Find(chatId) is not null;

    /// <summary>The language of the report she is giving, if any (while sealed the chat's own cannot be read).</summary>
    public Language? LanguageOf(long chatId) => Languages.Find(dialogues.Find(chatId)?.Language);

    public async Task StartAsync(ITelegramBotClient client, long chatId, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (dialogues.Remove(chatId) is { } earlier)
        {
            await bot.DeleteAsync(client, chatId, earlier.Messages, cancellationToken);
        }

        var dialogue = dialogues.Start(chatId, language.Code);
        await AskAsync(client, chatId, dialogue, bot.Say(language, "Bot.Report.Start") + "\n\n", cancellationToken);
    }

    /// <summary>Removes a report she is giving, and its messages; true when there was one.</summary>
    public async Task<bool> CancelAsync(ITelegramBotClient client, long chatId, CancellationToken cancellationToken)
    {
        if (dialogues.Remove(chatId) is not { } dialogue)
        {
            return false;
        }

        await bot.DeleteAsync(client, chatId, dialogue.Messages, cancellationToken);
        return true;
    }

    /// <summary>
    /// Her answer (a message or a button) to the question the dialogue is at. Returns the id of the message
    /// that gave her the reference when the report was sent, so that /forget can delete it later.
    /// </summary>
    public async Task<int?> AnswerAsync(ITelegramBotClient client, long chatId, string? text, string? data, int? messageId, CancellationToken cancellationToken)
    {
        if (dialogues.Find(chatId) is not { } dialogue)
        {
            return null;
        }

        var language = Languages.Find(dialogue.Language) ?? Languages.Default;
        if (data is null && messageId is { } hers)
        {
            dialogue.Messages.Add(hers);
        }

        var choice = data is not null && data.StartsWith(Prefix, StringComparison.Ordinal) ? data[Prefix.Length..] : null;
        if (choice == "send" && dialogue.Step == ReportStep.Confirm)
        {
            return await SendAsync(client, chatId, dialogue, language, cancellationToken);
        }

        var cities = dialogue.Step == ReportStep.City ? await CitiesAsync() : null;
        var (advance, problem) = choice is not null ? Choose(dialogue, choice, cities) : Type(dialogue, text?.Trim() ?? string.Empty);
        if (advance == Move.Toggle && messageId is { } toggled)
        {
            await EditAsync(client, chatId, toggled, await KeyboardAsync(dialogue, language), cancellationToken);
            return null;
        }

        if (advance == Move.Next)
        {
            dialogue.Step = NextStep(dialogue);
        }

        var prefix = problem is null ? string.Empty : bot.Say(language, problem) + "\n\n";
        await AskAsync(client, chatId, dialogue, prefix, cancellationToken);
        return null;
    }

    private enum Move
    {
        Stay,
        Toggle,
        Next,
    }

    private static ReportStep NextStep(ReportDialogue dialogue) => dialogue.Step switch
    {
        ReportStep.Contact when dialogue.Channel is ContactChannel.Phone or ContactChannel.Telegram or ContactChannel.WhatsApp => ReportStep.ContactValue,
        ReportStep.Contact => ReportStep.Consents,
        var step => step + 1,
    };

    /// <summary>A button: toggles a choice, or answers the question; a button of another question is ignored.</summary>
    private (Move, string?) Choose(ReportDialogue d, string choice, VocabularyList? cities)
    {
        var (kind, code) = choice.Split(':', 2) is [var k, var c] ? (k, c) : (choice, string.Empty);
        switch (d.Step, kind)
        {
            case (ReportStep.What, "w") when SelfReportChoices.What.Contains(code):
                Toggle(d.What, code);
                return (Move.Toggle, null);
            case (ReportStep.Needs, "n") when SelfReportChoices.Needs.Contains(code):
                Toggle(d.Needs, code);
                if (code == SelfReportChoices.NothingNeeded)
                {
                    d.Needs.RemoveWhere(n => n != SelfReportChoices.NothingNeeded);
                }
                else
                {
                    d.Needs.Remove(SelfReportChoices.NothingNeeded);
                }

                return (Move.Toggle, null);
            case (ReportStep.Consents, "c") when SelfReportChoices.Scopes.Contains(code):
                Toggle(d.Consents, code);
                return (Move.Toggle, null);
            case (ReportStep.When, "d") when code is "0" or "1":
                // Today or yesterday, in the centre's time zone.
                d.When = receive.Today.AddDays(code == "1" ? -1 : 0);
                return (Move.Next, null);
            case (ReportStep.City, "city") when cities?.IsActive(VocabularyKind.City, code) == true:
                d.CityCode = code;
                return (Move.Next, null);
            case (ReportStep.Who, "who") when SelfReportChoices.Who.Contains(code):
                d.Who = code;
                return (Move.Next, null);
            case (ReportStep.Contact, "ch") when Enum.TryParse<ContactChannel>(code, out var channel) && SelfReportChoices.Channels.Contains(channel):
                d.Channel = channel;
                d.Contact = null;
                return (Move.Next, null);
            case (ReportStep.What or ReportStep.Needs or ReportStep.Consents or ReportStep.Identifier, "next"):
                return (Move.Next, null);
            case (ReportStep.When or ReportStep.City or ReportStep.Who or ReportStep.Identifier or ReportStep.Contact, "skip"):
                return (Move.Next, null);
            case (ReportStep.Story, "skip") when d.What.Count > 0:
                return (Move.Next, null);
            default:
                return (Move.Stay, null);
        }
    }

    /// <summary>A typed message: a date, a number, her words, her contact; elsewhere a reminder to use the buttons.</summary>
    private (Move, string?) Type(ReportDialogue d, string text)
    {
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            return (Move.Stay, "Report.Error.Characters");
        }

        switch (d.Step)
        {
            case ReportStep.When:
                if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when))
                {
                    return (Move.Stay, "Bot.Report.BadDate");
                }

                if (when > receive.Today || when < receive.Today.AddYears(-SelfReportRules.OldestYears))
                {
                    return (Move.Stay, "Report.Error.When");
                }

                d.When = when;
                return (Move.Next, null);
            case ReportStep.Identifier:
                if (text.Length > SelfReportRules.MaxFieldLength)
                {
                    return (Move.Stay, "Report.Error.TooLong");
                }

                if (LooksLikePhone(text))
                {
                    d.Phone = text;
                }
                else
                {
                    d.Plate = text;
                }

                return (Move.Stay, "Bot.Report.IdentifierSaved");
            case ReportStep.Story:
                if (text.Length > SelfReportRules.MaxStoryLength)
                {
                    return (Move.Stay, "Report.Error.TooLong");
                }

                d.Story = text.Length == 0 ? null : text;
                return d.Story is null ? (Move.Stay, null) : (Move.Next, null);
            case ReportStep.ContactValue:
                if (text.Length is 0 or > SelfReportRules.MaxFieldLength)
                {
                    return (Move.Stay, text.Length == 0 ? "Report.Error.ContactMissing" : "Report.Error.TooLong");
                }

                d.Contact = text;
                return (Move.Next, null);
            default:
                return (Move.Stay, "Bot.Report.UseButtons");
        }
    }

    /// <summary>Digits with the usual phone punctuation, seven or more of them: a phone; anything else a plate.</summary>
    public static bool LooksLikePhone(string text) =>
        text.Count(char.IsAsciiDigit) >= 7 && text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.');

    private async Task AskAsync(ITelegramBotClient client, long chatId, ReportDialogue dialogue, string prefix, CancellationToken cancellationToken)
    {
        var language = Languages.Find(dialogue.Language) ?? Languages.Default;
        var question = dialogue.Step switch
        {
            ReportStep.What => bot.Say(language, "Report.What"),
            ReportStep.When => bot.Say(language, "Report.When") + "\n" + bot.Say(language, "Bot.Report.WhenHint"),
            ReportStep.City => bot.Say(language, "Report.City"),
            ReportStep.Who => bot.Say(language, "Report.Who"),
            ReportStep.Identifier => bot.Say(language, "Bot.Report.Identifier"),
            ReportStep.Story => bot.Say(language, dialogue.What.Count > 0 ? "Bot.Report.Story" : "Bot.Report.StoryNeeded"),
            ReportStep.Needs => bot.Say(language, "Report.Needs"),
            ReportStep.Contact => bot.Say(language, "Report.Contact"),
            ReportStep.ContactValue => bot.Say(language, "Bot.Report.ContactValue"),
            ReportStep.Consents => bot.Say(language, "Report.Consents") + "\n" + bot.Say(language, "Report.ConsentsHint"),
            _ => bot.Say(language, "Bot.Report.Summary") + "\n\n" + await SummaryAsync(dialogue, language),
        };
        var message = await client.SendMessage(chatId, prefix + question, replyMarkup: await KeyboardAsync(dialogue, language), cancellationToken: cancellationToken);
        dialogue.Messages.Add(message.MessageId);
    }

    private async Task<InlineKeyboardMarkup> KeyboardAsync(ReportDialogue d, Language language)
    {
        var rows = new List<InlineKeyboardButton[]>();
        switch (d.Step)
        {
            case ReportStep.What:
                rows.AddRange(SelfReportChoices.What.Select(c => Row(Tick(d.What.Contains(c)) + bot.Say(language, "Report.What." + c), "w:" + c)));
                rows.Add(Row(bot.Say(language, "Bot.Report.Next"), "next"));
                break;
            case ReportStep.When:
                rows.Add([Button(bot.Say(language, "Bot.Report.Today"), "d:0"), Button(bot.Say(language, "Bot.Report.Yesterday"), "d:1")]);
                rows.Add(Row(bot.Say(language, "Bot.Report.Skip"), "skip"));
                break;
            case ReportStep.City:
                var cities = await CitiesAsync();
                rows.AddRange(cities.Active(VocabularyKind.City).Select(c => Button(c.Label(language.Code), "city:" + c.Code)).Chunk(2));
                rows.Add(Row(bot.Say(language, "Bot.Report.Skip"), "skip"));
                break;
            case ReportStep.Who:
                var people = await PerpetratorsAsync();
                rows.AddRange(SelfReportChoices.Who.Select(c => Button(people.Label(VocabularyKind.Perpetrator, c, language.Code), "who:" + c)).Chunk(2));
                rows.Add(Row(bot.Say(language, "Bot.Report.Skip"), "skip"));
                break;
            case ReportStep.Identifier:
                rows.Add(Row(bot.Say(language, d.Phone is null && d.Plate is null ? "Bot.Report.Skip" : "Bot.Report.Next"), d.Phone is null && d.Plate is null ? "skip" : "next"));
                break;
            case ReportStep.Story when d.What.Count > 0:
                rows.Add(Row(bot.Say(language, "Bot.Report.Skip"), "skip"));
                break;
            case ReportStep.Needs:
                rows.AddRange(SelfReportChoices.Needs.Select(c => Row(Tick(d.Needs.Contains(c)) + bot.Say(language, "Report.Need." + c), "n:" + c)));
                rows.Add(Row(bot.Say(language, "Bot.Report.Next"), "next"));
                break;
            case ReportStep.Contact:
                rows.AddRange(SelfReportChoices.Channels.Select(c => Row(bot.Say(language, "Report.Channel." + c), "ch:" + c)));
                rows.Add(Row(bot.Say(language, "Bot.Report.Skip"), "skip"));
                break;
            case ReportStep.Consents:
                rows.AddRange(SelfReportChoices.Scopes.Select(c => Row(Tick(d.Consents.Contains(c)) + bot.Say(language, "Report.Consent." + c), "c:" + c)));
                rows.Add(Row(bot.Say(language, "Bot.Report.Next"), "next"));
                break;
            case ReportStep.Confirm:
                rows.Add(Row(bot.Say(language, "Report.Send"), "send"));
                break;
        }

        rows.Add([InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Cancel"), "cancel")]);
        return new InlineKeyboardMarkup(rows);
    }

    private static string Tick(bool on) => on ? "✅ " : "⬜ ";

    private static InlineKeyboardButton Button(string text, string choice) => InlineKeyboardButton.WithCallbackData(text, Prefix + choice);

    private static InlineKeyboardButton[] Row(string text, string choice) => [Button(text, choice)];

    private static void Toggle(HashSet<string> set, string code)
    {
        if (!set.Remove(code))
        {
            set.Add(code);
        }
    }

    private async Task<VocabularyList> CitiesAsync() =>
        new(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City).OrderBy(v => v.SortOrder).ToListAsync());

    private async Task<VocabularyList> PerpetratorsAsync() =>
        new(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.Perpetrator).ToListAsync());

    private async Task<string> SummaryAsync(ReportDialogue d, Language language)
    {
        var cities = await CitiesAsync();
        var people = await PerpetratorsAsync();
        var lines = new StringBuilder();
        void Line(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                lines.Append(bot.Say(language, key)).Append(": ").AppendLine(value);
            }
        }

        Line("Bot.Report.L.What", string.Join("; ", SelfReportChoices.What.Where(d.What.Contains).Select(c => bot.Say(language, "Report.What." + c))));
        Line("Bot.Report.L.When", d.When?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        Line("Bot.Report.L.City", d.CityCode is { } city ? cities.Label(VocabularyKind.City, city, language.Code) : null);
        Line("Bot.Report.L.Who", d.Who is { } who ? people.Label(VocabularyKind.Perpetrator, who, language.Code) : null);
        Line("Report.Phone", d.Phone);
        Line("Report.Plate", d.Plate);
        Line("Bot.Report.L.Story", d.Story is { Length: > 200 } story ? story[..200] + "…" : d.Story);
        Line("Bot.Report.L.Needs", string.Join("; ", SelfReportChoices.Needs.Where(d.Needs.Contains).Select(c => bot.Say(language, "Report.Need." + c))));
        Line("Bot.Report.L.Contact", d.Channel is { } channel ? bot.Say(language, "Report.Channel." + channel) + (d.Contact is { } contact ? " — " + contact : string.Empty) : null);
        Line("Bot.Report.L.Consents", string.Join("; ", SelfReportChoices.Scopes.Where(d.Consents.Contains).Select(c => bot.Say(language, "Report.Consent." + c))));
        return lines.ToString().TrimEnd();
    }

    private async Task<int?> SendAsync(ITelegramBotClient client, long chatId, ReportDialogue dialogue, Language language, CancellationToken cancellationToken)
    {
        // Limited per chat (by a hash that lives only in this process) and overall, like the web form.
        var receipt = await receive.ReceiveAsync(dialogue.ToContent(), SelfReportChannel.Bot, "chat:" + bot.ChatKey(chatId), cancellationToken);
        if (receipt is SelfReportReceipt.TooMany(var wait))
        {
            var tooMany = await client.SendMessage(chatId, bot.Say(language, "Report.TryLater", PublicLimits.Minutes(wait)), cancellationToken: cancellationToken);
            dialogue.Messages.Add(tooMany.MessageId);
            return null;
        }

        if (receipt is not SelfReportReceipt.Received(var reference))
        {
            // Cannot happen with the buttons' choices; if it does, she is told and may cancel.
            var problems = receipt is SelfReportReceipt.Problems refusal ? refusal.List : [];
            var refused = await client.SendMessage(chatId, string.Join("\n", problems.Select(p => bot.Say(language, p.MessageKey)).Distinct()), replyMarkup: await KeyboardAsync(dialogue, language), cancellationToken: cancellationToken);
            dialogue.Messages.Add(refused.MessageId);
            return null;
        }

        dialogues.Remove(chatId);
        await bot.DeleteAsync(client, chatId, dialogue.Messages, cancellationToken);
        var thanks = string.Join("\n", bot.Say(language, "Report.Thanks"), bot.Say(language, "Report.ReferenceIntro"), reference, string.Empty, bot.Say(language, "Bot.Report.ReferenceHint"));
        var sent = await client.SendMessage(chatId, thanks, cancellationToken: cancellationToken);
        return sent.MessageId;
    }

    private static async Task EditAsync(ITelegramBotClient client, long chatId, int messageId, InlineKeyboardMarkup markup, CancellationToken cancellationToken)
    {
        try
        {
            await client.EditMessageReplyMarkup(chatId, messageId, markup, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException)
        {
            // "Message is not modified" or too old: the choice is kept all the same.
        }
    }
}
