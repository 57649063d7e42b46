using Amanat.Core.Stay;

namespace Amanat.Core.Tests.Stay;

public sealed class StayCalculatorTests
{
    private static readonly StayRuleSet Uzbek = StayRuleBook.Shipped().For("UZ")!;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static Movement In(string iso) => new(MovementKind.Entry, D(iso));

    private static Movement Out(string iso) => new(MovementKind.Exit, D(iso));

    [Fact]
    public void TheShippedRuleBook_HasTheResearchedValues_AndUnknownsStayUnknown()
    {
        var book = StayRuleBook.Shipped();

        Assert.Equal((30, 90, 180, 3), (Uzbek.DaysWithoutRegistration, Uzbek.CapDays, Uzbek.WindowDays, Uzbek.HostNotificationWorkingDays));
        Assert.Equal(5, Uzbek.BanAfterExpulsion?.Years);
        Assert.Null(Uzbek.BanAfterShortenedStay);
        Assert.NotNull(Uzbek.Conventions);
        Assert.Equal(D("2026-11-28"), Uzbek.LastChecked);
        var kyrgyz = book.For("KG")!;
        Assert.Null(kyrgyz.DaysWithoutRegistration);
        Assert.Null(kyrgyz.CapDays);
        Assert.Contains(D("2026-12-16"), book.Calendar.Single(y => y.Year == 2026).Holidays);
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-30")]
    [InlineData("2024-02-15", "2024-03-15")] // leap year: 29 February counts
    [InlineData("2025-02-15", "2025-03-16")]
    [InlineData("2026-12-15", "2027-01-13")] // across the new year
    public void TheRegistrationDeadline_IsTheThirtiethDay_CountingTheEntryDayAsDayOne(string entry, string last)
    {
        Assert.Equal(D(last), StayCalculator.RegistrationDeadline(D(entry), Uzbek).Date);
    }

    [Fact]
    public void AnUnknownRule_IsAnsweredUnknown_NeverGuessed()
    {
        var kyrgyz = StayRuleBook.Shipped().For("KG");
        Movement[] here = [In("2026-11-01")];

        Assert.Equal(StayCalculator.UnknownRule, StayCalculator.RegistrationDeadline(D("2026-11-01"), kyrgyz).UnknownBecause);
        Assert.Equal(StayCalculator.UnknownRule, StayCalculator.RegistrationDeadline(D("2026-11-01"), null).UnknownBecause);
        var window = StayCalculator.Window(here, kyrgyz, D("2026-11-28"));
        Assert.Null(window.DaysUsed);
        Assert.False(window.CapReachedOn.IsKnown);
        Assert.Equal(StayCalculator.UnknownRule, StayCalculator.HostNotificationDeadline(D("2026-11-01"), kyrgyz, StayRuleBook.Shipped().WorkingDays).UnknownBecause);
        Assert.Equal(StayCalculator.UnknownRule, StayCalculator.EarliestReEntry([new(MovementKind.ShortenedStay, D("2026-05-01"))], Uzbek).UnknownBecause);
    }

    [Theory]
    [InlineData("2026-03-31", 90)] // 31 + 28 + 31: entry and exit days both count
    [InlineData("2026-06-29", 90)] // the window ending 29 June starts on 1 January
    [InlineData("2026-06-30", 89)] // one day later, 1 January has left the window
    [InlineData("2026-09-26", 1)]  // only 31 March is still inside
    [InlineData("2026-09-27", 0)]
    public void DaysUsed_RollWithTheWindow_AtItsEdges(string today, int used)
    {
        Movement[] movements = [In("2026-01-01"), Out("2026-03-31")];
        Assert.Equal(used, StayCalculator.Window(movements, Uzbek, D(today)).DaysUsed);
    }

    [Fact]
    public void EntryAndExitOnTheSameDay_CountOneDay_AndADayOfExitAndReEntryCountsOnce()
    {
        Assert.Equal(1, StayCalculator.Window([In("2026-05-10"), Out("2026-05-10")], Uzbek, D("2026-06-01")).DaysUsed);
        Assert.Equal(12, StayCalculator.Window([In("2026-05-01"), Out("2026-05-10"), In("2026-05-10"), Out("2026-05-12")], Uzbek, D("2026-06-01")).DaysUsed);
    }

    [Fact]
    public void SeveralShortStays_AddUp()
    {
        Movement[] trips = [In("2026-01-01"), Out("2026-01-10"), In("2026-02-01"), Out("2026-02-10"), In("2026-03-01"), Out("2026-03-10")];
        Assert.Equal(30, StayCalculator.Window(trips, Uzbek, D("2026-04-01")).DaysUsed);
        Assert.Equal(StayCalculator.NotInCountry, StayCalculator.Window(trips, Uzbek, D("2026-04-01")).CapReachedOn.UnknownBecause);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-03-31")] // a first entry: 90 days, the last on 31 March
    [InlineData("2024-01-01", "2024-03-30")] // leap year: February has 29 days
    public void TheCap_IsReachedOnTheNinetiethDay_OfAFirstStay(string entry, string last)
    {
        var window = StayCalculator.Window([In(entry)], Uzbek, D(entry));
        Assert.Equal(D(last), window.CapReachedOn.Date);
    }

    [Fact]
    public void AnEarlierStayStillInTheWindow_BringsTheCapForward_AndOneThatLeftItDoesNot()
    {
        // 30 days in November stay inside every window until late May: 60 more days, the last on 1 March.
        var inWindow = StayCalculator.Window([In("2025-11-01"), Out("2025-11-30"), In("2026-01-01")], Uzbek, D("2026-01-01"));
        Assert.Equal(30 + 1, inWindow.DaysUsed);
        Assert.Equal(D("2026-03-01"), inWindow.CapReachedOn.Date);

        // 30 days ending on 3 August 2025 have left the window by 30 January: the full 90 days again.
        var leftWindow = StayCalculator.Window([In("2025-07-05"), Out("2025-08-03"), In("2026-01-01")], Uzbek, D("2026-01-01"));
        Assert.Equal(D("2026-03-31"), leftWindow.CapReachedOn.Date);
    }

    [Fact]
    public void TheCapDate_FollowsHerAsTheDaysGoBy()
    {
        Movement[] here = [In("2026-01-01")];
        Assert.Equal(D("2026-03-31"), StayCalculator.Window(here, Uzbek, D("2026-02-15")).CapReachedOn.Date);
        Assert.Equal(46, StayCalculator.Window(here, Uzbek, D("2026-02-15")).DaysUsed);
    }

    [Fact]
    public void AlreadyOverTheCap_TheLastLawfulDayIsInThePast()
    {
        var window = StayCalculator.Window([In("2026-01-01")], Uzbek, D("2026-04-15"));
        Assert.Equal(105, window.DaysUsed);
        Assert.Equal(D("2026-03-31"), window.CapReachedOn.Date);
    }

    [Theory]
    [InlineData("2026-11-26", "2026-12-01")] // Thursday: Friday, Monday, Tuesday
    [InlineData("2026-11-27", "2026-12-02")] // Friday: the weekend does not count
    [InlineData("2026-11-28", "2026-12-02")] // arrived on a Saturday
    [InlineData("2026-12-14", "2026-12-18")] // 16 December (Independence Day) is skipped
    public void HostNotification_IsDueWithinThreeWorkingDays_SkippingWeekendsAndHolidays(string arrival, string due)
    {
        var deadline = StayCalculator.HostNotificationDeadline(D(arrival), Uzbek, StayRuleBook.Shipped().WorkingDays);
        Assert.Equal(D(due), deadline.Date);
        Assert.True(deadline.Uncertain); // 2026's transfers are not confirmed in the shipped calendar
    }

    [Fact]
    public void ATransferredWorkingSaturday_Counts_AndAConfirmedYearIsCertain()
    {
        // A made-up year: Monday 7 January is a holiday moved from the weekend, Saturday 12 January is worked instead.
        var calendar = new WorkingCalendar([new WorkingYear { Year = 2030, Confirmed = true, Holidays = [D("2030-01-07")], WorkingWeekendDays = [D("2030-01-12")] }]);

        var deadline = StayCalculator.HostNotificationDeadline(D("2030-01-10"), Uzbek, calendar); // Thursday
        Assert.Equal(D("2030-01-14"), deadline.Date); // Friday 11, Saturday 12 (worked), Monday 14
        Assert.False(deadline.Uncertain);
        Assert.Equal(D("2030-01-10"), StayCalculator.HostNotificationDeadline(D("2030-01-04"), Uzbek, calendar).Date); // Friday: the weekend and Monday's holiday skipped, then Tue 8, Wed 9, Thu 10
    }

    [Fact]
    public void AYearMissingFromTheCalendar_MakesTheHostDeadlineUnknown()
    {
        var deadline = StayCalculator.HostNotificationDeadline(D("2026-12-30"), Uzbek, StayRuleBook.Shipped().WorkingDays); // needs January 2027
        Assert.False(deadline.IsKnown);
        Assert.Equal(StayCalculator.UnknownCalendar, deadline.UnknownBecause);
    }

    [Theory]
    [InlineData("2026-02-10", "2031-02-10")]
    [InlineData("2024-02-29", "2029-02-28")] // from a leap day: the ban ends on the last day of February
    public void AfterAnExpulsion_TheEarliestReEntry_IsFiveYearsLater(string expelled, string earliest)
    {
        Assert.Equal(D(earliest), StayCalculator.EarliestReEntry([In("2023-01-01"), new(MovementKind.Expulsion, D(expelled))], Uzbek).Date);
    }

    [Fact]
    public void TheLatestMeasureCounts_AndWithoutOneThereIsNoBan()
    {
        var rules = Uzbek with { BanAfterShortenedStay = new Period(Months: 3) };
        Movement[] history = [new(MovementKind.Expulsion, D("2019-03-01")), new(MovementKind.ShortenedStay, D("2026-08-20"))];

        Assert.Equal(D("2026-11-20"), StayCalculator.EarliestReEntry(history, rules).Date);
        Assert.Equal(StayCalculator.NoMeasure, StayCalculator.EarliestReEntry([In("2026-01-01")], rules).UnknownBecause);
    }

    [Fact]
    public void AnExpulsionEndsTheStay_LikeAnExit()
    {
        Movement[] movements = [In("2026-03-01"), new(MovementKind.Expulsion, D("2026-03-05"))];
        Assert.Equal(5, StayCalculator.Window(movements, Uzbek, D("2026-04-01")).DaysUsed);
        Assert.False(StayCalculator.IsInCountry(movements, D("2026-04-01")));
        Assert.True(StayCalculator.IsInCountry(movements, D("2026-03-03")));
    }

    [Fact]
    public void TheRuleBook_RoundTripsAsJson_ForAdministratorsToEdit()
    {
        var book = StayRuleBook.Shipped();
        var json = System.Text.Json.JsonSerializer.Serialize(book, StayRuleBook.Json);
        var again = StayRuleBook.Parse(json);
        Assert.Equal(book.For("UZ")!.CapDays, again.For("UZ")!.CapDays);
        Assert.Equal(book.Calendar[0].Holidays, again.Calendar[0].Holidays);
        Assert.DoesNotContain("\"capDays\": null", json, StringComparison.Ordinal); // unknowns are absent, not invented
    }
}
