namespace Amanat.Core.Stay;

/// <summary>What happened at the border or by decision, on a date.</summary>
public enum MovementKind
{
    Entry = 1,
    Exit,
    /// <summary>Court-ordered expulsion: she left (or was taken out) that day, and an entry ban began.</summary>
    Expulsion,
    /// <summary>"Stay shortened": she had to leave that day; a lighter ban may follow.</summary>
    ShortenedStay,
}

public sealed record Movement(MovementKind Kind, DateOnly On);

/// <summary>A computed date, or "unknown" with the reason; <see cref="Uncertain"/> when it rests on an unconfirmed calendar.</summary>
public sealed record Deadline(DateOnly? Date, string? UnknownBecause = null, bool Uncertain = false)
{
    public bool IsKnown => Date is not null;

    public static Deadline Unknown(string because) => new(null, because);
}

/// <summary>Days used in the rolling window and the day the cap is reached, or unknown.</summary>
public sealed record WindowUse(int? DaysUsed, DateOnly? WindowStart, Deadline CapReachedOn);

/// <summary>
/// Pure counting of stay days and deadlines from a person's movements and a rule set. Conventions (stated in
/// the rule file): the day of entry and the day of exit both count as days of stay; "N days from the border
/// crossing" ends at the end of the N-th day, the entry day being day 1; host notification is due within N
/// working days after the day of arrival; working days skip weekends and holidays but include weekend days
/// declared working. It warns; it does not decide — the page says "guidance, not legal advice".
/// </summary>
public static class StayCalculator
{
    public const string UnknownRule = "Stay.Unknown.Rule";
    public const string UnknownCalendar = "Stay.Unknown.Calendar";
    public const string NotInCountry = "Stay.Unknown.NotInCountry";
    public const string NoMeasure = "Stay.Unknown.NoMeasure";

    /// <summary>The periods she was in the country, each from its entry to its exit (inclusive); an open one runs to <paramref name="today"/>.</summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To)> Stays(IEnumerable<Movement> movements, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(movements);
        var stays = new List<(DateOnly, DateOnly)>();
        DateOnly? entered = null;
        // Same-day movements keep the order they were recorded in: in and out (a day trip), or out and back (a border run).
        foreach (var m in movements.OrderBy(m => m.On))
        {
            if (m.Kind == MovementKind.Entry)
            {
                entered ??= m.On; // a second entry without an exit: the first one stands
            }
            else if (entered is { } from)
            {
                stays.Add((from, m.On));
                entered = null;
            }
        }

        if (entered is { } open && open <= today)
        {
            stays.Add((open, today));
        }

        return stays;
    }

    /// <summary>Whether she is in the country on <paramref name="today"/> by her recorded movements.</summary>
    public static bool IsInCountry(IEnumerable<Movement> movements, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(movements);
        var last = movements.Where(m => m.On <= today).OrderBy(m => m.On).LastOrDefault();
        return last?.Kind == MovementKind.Entry;
    }

    /// <summary>Days of stay within the window ending on <paramref name="day"/>.</summary>
    public static int DaysIn(IReadOnlyList<(DateOnly From, DateOnly To)> stays, DateOnly day, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(stays);
        var start = day.AddDays(1 - windowDays);
        var days = new HashSet<DateOnly>();
        foreach (var (from, to) in stays)
        {
            for (var d = from < start ? start : from; d <= to && d <= day; d = d.AddDays(1))
            {
                days.Add(d); // a day counted once, even when an exit and an entry fall on it
            }
        }

        return days.Count;
    }

    /// <summary>
    /// Days used in the rolling window ending today, and — if she is in the country and stays on — the last day
    /// she may stay before exceeding the cap.
    /// </summary>
    public static WindowUse Window(IEnumerable<Movement> movements, StayRuleSet? rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(movements);
        if (rules is not { CapDays: { } cap, WindowDays: { } window })
        {
            return new WindowUse(null, null, Deadline.Unknown(UnknownRule));
        }

        var list = movements.ToList();
        var stays = Stays(list, today);
        var used = DaysIn(stays, today, window);
        if (!IsInCountry(list, today))
        {
            return new WindowUse(used, today.AddDays(1 - window), Deadline.Unknown(NotInCountry));
        }

        // She stays on: the open stay's end moves forward day by day. Already over the cap: the search starts
        // at her arrival, so the answer is the last lawful day, in the past.
        var closed = stays.Take(stays.Count - 1).ToList();
        var openFrom = stays[^1].From;
        for (var day = used > cap ? openFrom.AddDays(-1) : today; day <= today.AddDays(window + cap); day = day.AddDays(1))
        {
            var next = day.AddDays(1);
            if (DaysIn([.. closed, (openFrom, next)], next, window) > cap)
            {
                return new WindowUse(used, today.AddDays(1 - window), new Deadline(day));
            }
        }

        return new WindowUse(used, today.AddDays(1 - window), Deadline.Unknown(UnknownRule));
    }

    /// <summary>The last day she may stay after an entry without registration or a permit.</summary>
    public static Deadline RegistrationDeadline(DateOnly entry, StayRuleSet? rules) =>
        rules?.DaysWithoutRegistration is { } days ? new Deadline(entry.AddDays(days - 1)) : Deadline.Unknown(UnknownRule);

    /// <summary>The last day the host may notify the authorities of her arrival.</summary>
    public static Deadline HostNotificationDeadline(DateOnly arrival, StayRuleSet? rules, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (rules?.HostNotificationWorkingDays is not { } count)
        {
            return Deadline.Unknown(UnknownRule);
        }

        var day = arrival;
        var uncertain = false;
        for (var found = 0; found < count;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day) is not { } working)
            {
                return Deadline.Unknown(UnknownCalendar);
            }

            uncertain |= !calendar.IsConfirmed(day.Year);
            found += working ? 1 : 0;
        }

        return new Deadline(day, Uncertain: uncertain);
    }

    /// <summary>The earliest lawful re-entry after the latest expulsion or shortened stay.</summary>
    public static Deadline EarliestReEntry(IEnumerable<Movement> movements, StayRuleSet? rules)
    {
        ArgumentNullException.ThrowIfNull(movements);
        var measure = movements.Where(m => m.Kind is MovementKind.Expulsion or MovementKind.ShortenedStay).MaxBy(m => m.On);
        if (measure is null)
        {
            return Deadline.Unknown(NoMeasure);
        }

        var ban = measure.Kind == MovementKind.Expulsion ? rules?.BanAfterExpulsion : rules?.BanAfterShortenedStay;
        return ban is null ? Deadline.Unknown(UnknownRule) : new Deadline(ban.After(measure.On));
    }
}

/// <summary>Working days from the calendar data; a year that is not in it is unknown, not guessed.</summary>
public sealed class WorkingCalendar(IEnumerable<WorkingYear> years)
{
    private readonly Dictionary<int, WorkingYear> years = years.ToDictionary(y => y.Year);

    public bool? IsWorkingDay(DateOnly day)
    {
        if (!years.TryGetValue(day.Year, out var year))
        {
            return null;
        }

        if (year.WorkingWeekendDays.Contains(day))
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !year.Holidays.Contains(day);
    }

    public bool IsConfirmed(int year) => years.TryGetValue(year, out var y) && y.Confirmed;
}

/// <summary>What the member page shows about her stay: every figure, or why it is unknown.</summary>
public sealed record StayGuidance(
    StayRuleSet? Rules, bool InCountry, WindowUse Window, DateOnly? LatestEntry, Deadline Registration, Deadline HostNotification, Deadline ReEntry)
{
    public static StayGuidance For(IReadOnlyList<Movement> movements, StayRuleSet? rules, WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(movements);
        var entry = movements.Where(m => m.Kind == MovementKind.Entry && m.On <= today).Select(m => (DateOnly?)m.On).Max();
        var inCountry = StayCalculator.IsInCountry(movements, today);
        return new StayGuidance(
            rules,
            inCountry,
            StayCalculator.Window(movements, rules, today),
            entry,
            entry is { } e && inCountry ? StayCalculator.RegistrationDeadline(e, rules) : Deadline.Unknown(StayCalculator.NotInCountry),
            entry is { } a && inCountry ? StayCalculator.HostNotificationDeadline(a, rules, calendar) : Deadline.Unknown(StayCalculator.NotInCountry),
            StayCalculator.EarliestReEntry(movements, rules));
    }

    /// <summary>The dates a case worker must act by, for the upcoming list: registration, host notification, the cap.</summary>
    public IEnumerable<(string Kind, DateOnly Date)> Deadlines()
    {
        if (Registration.Date is { } r)
        {
            yield return ("Stay.Deadline.Registration", r);
        }

        if (HostNotification.Date is { } h)
        {
            yield return ("Stay.Deadline.HostNotification", h);
        }

        if (Window.CapReachedOn.Date is { } c)
        {
            yield return ("Stay.Deadline.Cap", c);
        }
    }
}
