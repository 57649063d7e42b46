using Amanat.Browser.Tests.Pages;
using Amanat.Browser.Tests.Support;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Amanat.Browser.Tests;

/// <summary>Situation 1 recorded on a 360-px phone in Russian with a photo of the injury, found by a coordinator, hidden from a colleague.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IncidentTests(BrowserFixture browser)
{
    private const string Password = StaffPeople.Password;

    [Fact]
    public async Task OutreachWorker_RecordsSituation1_CoordinatorFindsIt_ColleagueDoesNot()
    {
        var (server, address) = await browser.StartFreshAsync();
        await using var _ = server;
        var outreachKey = await StaffPeople.CreateAsync(server, "saule", StaffRoles.Outreach);
        var coordinatorKey = await StaffPeople.CreateAsync(server, "aigerim", StaffRoles.Coordinator);
        var colleagueKey = await StaffPeople.CreateAsync(server, "zhanar", StaffRoles.Outreach);

        // JavaScript off: the form must work without it on a cheap phone.
        await using var phone = await browser.PhoneAsync(javaScript: false, locale: "ru-RU", baseAddress: address);
        phone.SetDefaultTimeout(15_000);
        var signIn = new StaffSignInPages(await phone.NewPageAsync());
        await SignInAsync(signIn, "saule", outreachKey);
        var form = new IncidentPages(signIn.Page);
        await form.OpenNewAsync();
        await Expect(form.Heading).ToHaveTextAsync("Записать случай");

        await form.FillAsync("Дата", TestClock.UtcNow.AddDays(-12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await form.FillAsync("Сколько дней", "6");
        await form.ChooseAsync("Город или регион", "Талдыкорган");
        await form.ChooseAsync("Тип места", "Отдел полиции");
        await form.FillAsync("Рабочее имя", "Сауле-1");
        await form.ChooseAsync("Согласие: Учитывать в обезличенной статистике", "Да");
        await form.ChooseAsync("Согласие: Использовать для предупреждения сообщества, не раскрывая её", "Не спрашивали");
        await form.ChooseAsync("Согласие: Передать полиции, прокурору или омбудсмену", "Нет");
        await form.FillAsync("Другие пострадавшие без имени (сколько)", "2");
        foreach (var violation in new[] { "Произвольное задержание («проверка документов»)", "Изъятие или удержание документов сотрудниками", "Изнасилование или сексуальное насилие со стороны сотрудников", "Избиение или пытки со стороны сотрудников", "Лишение еды, воды, медпомощи или санитарии под стражей" })
        {
            await form.TickAsync(violation);
        }

        await form.ChooseAsync("Кто (категория)", "Полиция");
        await form.PressAsync("Добавить ещё виновного");
        await Expect(form.Page.GetByRole(AriaRole.Heading, new() { Name = "Виновный 2" })).ToBeVisibleAsync();
        await Expect(form.Page.GetByLabel("Рабочее имя", new() { Exact = true })).ToHaveValueAsync("Сауле-1");
        await form.PressAsync("Убрать виновного 2");
        await form.FillAsync("Дней удерживали", "6");
        await form.TickAsync("Документы забрали");
        await form.ChooseAsync("Их вернули?", "Да");
        await form.ChooseAsync("Жалоба", "Решила не жаловаться");
        await form.FillAsync("Что случилось, её словами", "Забрали паспорта «для проверки», держали шесть дней.");
        await form.PressAsync("Сохранить");

        await Expect(form.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Сохранено.");
        await form.RecordServiceAsync("Проживание в убежище (ночей)", "3");
        await form.RecordServiceAsync("Психологическая помощь");
        await form.RecordServiceAsync("Медпомощь: гинеколог");
        await form.RecordServiceAsync("Медпомощь: хирург, травмы");
        await Expect(form.Page.GetByText("ночей: 3")).ToBeVisibleAsync();
        await Expect(form.Page.Locator("#responses li")).ToHaveCountAsync(4);
        var incidentUrl = form.Page.Url.Split('#')[0];

        // A photo of the injury from the phone, JavaScript still off: the form posts it, the gallery shows its clean copy.
        await form.Page.GetByRole(AriaRole.Link, new() { Name = "Добавить фото или документы" }).ClickAsync();
        await form.Page.GetByLabel("Фото или документ").SetInputFilesAsync(new FilePayload { Name = "IMG_0042.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await form.Page.GetByLabel("Примечание (необязательно)").FillAsync("Синяк на руке, второй день");
        await form.Page.GetByRole(AriaRole.Button, new() { Name = "Добавить файл" }).ClickAsync();
        await Expect(form.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Файл добавлен.");
        await Expect(form.Page.GetByText("Синяк на руке, второй день")).ToBeVisibleAsync();
        await Expect(form.Page.Locator(".evidence img")).ToBeVisibleAsync();
        await Expect(form.Page.GetByRole(AriaRole.Link, new() { Name = "Скачать оригинал" })).ToHaveCountAsync(0);
        await form.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "amanat-evidence-360.png"), FullPage = true });

        await using var laptop = await browser.PhoneAsync(locale: "ru-RU", baseAddress: address);
        laptop.SetDefaultTimeout(15_000);
        var coordinator = new StaffSignInPages(await laptop.NewPageAsync());
        await SignInAsync(coordinator, "aigerim", coordinatorKey);
        await coordinator.Page.GotoAsync("/staff/incidents");
        await coordinator.Page.GetByText("Фильтры", new() { Exact = true }).ClickAsync();
        await coordinator.Page.GetByLabel("Город или регион").SelectOptionAsync(new SelectOptionValue { Label = "Талдыкорган" });
        await coordinator.Page.GetByLabel("Нарушение").SelectOptionAsync(new SelectOptionValue { Label = "Изнасилование или сексуальное насилие со стороны сотрудников" });
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await Expect(coordinator.Page.GetByText("Найдено случаев: 1")).ToBeVisibleAsync();
        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = TestClock.UtcNow.AddDays(-12).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture) }).ClickAsync();
        await Expect(coordinator.Page.Locator("strong", new() { HasText = "Сауле-1" })).ToBeVisibleAsync(); // her name among the people (it is also a choice of "to whom")
        // Accessibility, checked where JavaScript runs (axe is a script): the detail, the list and the form.
        await AssertAccessibleAsync(coordinator.Page);
        await coordinator.Page.GotoAsync("/staff/incidents");
        await AssertAccessibleAsync(coordinator.Page);
        await coordinator.Page.GotoAsync("/staff/incidents/new");
        await AssertAccessibleAsync(coordinator.Page);
        await coordinator.Page.GotoAsync(incidentUrl + "/attachments");
        await Expect(coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Скачать оригинал" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(coordinator.Page);

        await using var other = await browser.PhoneAsync(locale: "ru-RU", baseAddress: address);
        other.SetDefaultTimeout(15_000);
        var colleague = new StaffSignInPages(await other.NewPageAsync());
        await SignInAsync(colleague, "zhanar", colleagueKey);
        await colleague.Page.GotoAsync("/staff/incidents");
        await Expect(colleague.Page.GetByText("Найдено случаев: 0")).ToBeVisibleAsync();
        var response = await colleague.Page.GotoAsync(incidentUrl);
        Assert.Equal(404, response!.Status);
    }

    /// <summary>A small JPEG as a phone camera would send it.</summary>
    private static byte[] Photo()
    {
        using var bitmap = new SkiaSharp.SKBitmap(640, 480);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(new SkiaSharp.SKColor(0xC0, 0x8A, 0x6E));
        }

        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 85).ToArray();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Take(2).Select(n => n.Html))}")));
    }

    private static async Task SignInAsync(StaffSignInPages page, string userName, string key)
    {
        await page.Page.GotoAsync("/staff/signin");
        await page.Page.GetByLabel("Имя пользователя").FillAsync(userName);
        await page.Page.GetByLabel("Пароль").FillAsync(Password);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.Page.GetByLabel("Код подтверждения").FillAsync(StaffSignInPages.CurrentCode(key));
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Expect(page.Heading).ToHaveTextAsync($"Здравствуйте, {userName}");
    }

}
