using Amanat.Browser.Tests.Pages;
using Amanat.Browser.Tests.Support;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Amanat.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class StaffSignInTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task FirstRunSetup_CreatesTheAdministrator_WhoEnrolsTotpBeforeAnythingElse()
    {
        var (server, address) = await browser.StartFreshAsync();
        await using var _ = server;
        var token = await FirstRunSetup.IssueLinkAsync(server.Services);
        await using var context = await browser.PhoneAsync(locale: "en-GB", baseAddress: address);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/staff/setup?token={token}");
        await page.GetByLabel("Username").FillAsync("centre-admin");
        await page.GetByLabel("New password").FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Connect your authenticator app");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for the authenticator app" })).ToBeVisibleAsync();
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => v.Id)));
        await page.GotoAsync("/staff");
        Assert.Contains("/staff/signin", page.Url, StringComparison.Ordinal);
        await page.GotoAsync("/staff/signin/enrol");

        var key = (await page.Locator("code.secret").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Code").FillAsync(StaffSignInPages.CurrentCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your recovery codes");
        await Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "I have written them down — continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, centre-admin");

        await page.GotoAsync($"/staff/setup?token={token}");
        await Expect(page.GetByText("This setup link is not valid or has already been used.", new() { Exact = false })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WithPasswordAndTotp_OpensTheStaffHome_InRussian()
    {
        var key = await CreateAsync("marina", StaffRoles.Outreach | StaffRoles.Coordinator);
        await using var context = await browser.PhoneAsync(locale: "ru-RU");
        var page = await context.NewPageAsync();

        await page.GotoAsync("/staff/signin");
        await page.GetByLabel("Имя пользователя").FillAsync("marina");
        await page.GetByLabel("Пароль").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.GetByLabel("Код подтверждения").FillAsync(StaffSignInPages.CurrentCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Здравствуйте, marina");
        await Expect(page.GetByText("аутрич-работница, координатор")).ToBeVisibleAsync();
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => v.Id)));
    }

    [Fact]
    public async Task WrongCodes_ShowAnError_ThenMakeHerWait_AndTheRightCodeWorksAfterTheDelay()
    {
        var key = await CreateAsync("dana", StaffRoles.Lawyer);
        await using var context = await browser.PhoneAsync(locale: "en-GB");
        var signIn = new StaffSignInPages(await context.NewPageAsync());

        await signIn.EnterPasswordAsync("dana", Password);
        await signIn.EnterCodeAsync("123456");
        await Expect(signIn.Alert).ToContainTextAsync("The code is wrong or too old.");
        for (var attempt = 1; attempt < SignInThrottle.FreeFailuresPerAddress; attempt++)
        {
            await signIn.EnterCodeAsync("123456");
        }

        // Too early: the same answer as a wrong code, nothing says "locked".
        await signIn.EnterCodeAsync(StaffSignInPages.CurrentCode(key));
        await Expect(signIn.Alert).ToContainTextAsync("The code is wrong or too old.");
        await Expect(signIn.Heading).Not.ToHaveTextAsync("Hello, dana");

        var clock = (Microsoft.Extensions.Time.Testing.FakeTimeProvider)browser.Services.GetRequiredService<TimeProvider>();
        clock.Advance(SignInThrottle.Delay(SignInThrottle.FreeFailuresPerAddress, SignInThrottle.FreeFailuresPerAddress));
        await signIn.EnterCodeAsync(StaffSignInPages.CurrentCode(key));
        await Expect(signIn.Heading).ToHaveTextAsync("Hello, dana");

        // The browsers of the other tests share this server and its address: forget this test's failures.
        browser.Services.GetRequiredService<SignInThrottle>().Clear();
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheSessionInASecondBrowser()
    {
        var key = await CreateAsync("gulnara", StaffRoles.Outreach);
        await using var laptop = await browser.PhoneAsync(locale: "en-GB");
        await using var phone = await browser.PhoneAsync(locale: "en-GB");
        var onLaptop = new StaffSignInPages(await laptop.NewPageAsync());
        var onPhone = new StaffSignInPages(await phone.NewPageAsync());
        await onLaptop.SignInAsync("gulnara", Password, key);
        await onPhone.SignInAsync("gulnara", Password, key);
        await Expect(onPhone.Heading).ToHaveTextAsync("Hello, gulnara");

        await onLaptop.Page.GotoAsync("/staff/account");
        await onLaptop.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await onPhone.Page.ReloadAsync();

        await Expect(onPhone.Heading).ToHaveTextAsync("Staff sign in");
        await Expect(onLaptop.Heading).ToHaveTextAsync("Staff sign in");
    }

    private async Task<string> CreateAsync(string userName, StaffRoles roles)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var (user, result) = await accounts.AddAsync(userName, Password, roles);
        Assert.True(result.Succeeded);
        return (await accounts.EnrolNowAsync(user!)).Key;
    }
}
