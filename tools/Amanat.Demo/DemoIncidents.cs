using System.Globalization;
using Amanat.Core.Incidents;
using Bogus;
using Bogus.DataSets;

namespace Amanat.Demo;

/// <summary>
/// Invented incidents shaped like the situations of the interview — police "document checks", clients who
/// beat and rob, pimps who keep passports, raids and expulsions, bribes at the border, refused health care,
/// violent partners — with realistic spreads over cities, months, violations and perpetrators, and a short
/// story in one of the four languages. Some perpetrators come back (the same phone, plate, badge or name
/// written differently), so that repeat-perpetrator matching has something to find. Nothing here is a
/// real person; the same seed gives the same data.
/// </summary>
internal sealed class DemoIncidents
{
    private static readonly string[] Languages = ["ru", "kk", "uz", "en"];
    private static readonly float[] LanguageWeights = [0.5f, 0.2f, 0.2f, 0.1f];

    private static readonly string[] Cities = ["ALA", "AST", "SHY", "KAR", "TAL", "AKT", "ATY", "PAV", "OSK", "TAR", "TUR", "KZO", "SEM", "KOS", "AKU", "ORA", "PET", "KOK", "ZHE", "KON", "OTHER-KZ"];
    private static readonly float[] CityWeights = [30, 16, 12, 5, 5, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1];

    /// <summary>Landmarks, the same place in each language's grammatical form for its story.</summary>
    private static readonly Dictionary<string, string[]> Landmarks = new(StringComparer.Ordinal)
    {
        ["en"] = ["the railway station", "the market", "a hotel", "the bus station"],
        ["ru"] = ["вокзала", "рынка", "гостиницы", "автовокзала"],
        ["kk"] = ["вокзал", "базар", "қонақүй", "автовокзал"],
        ["uz"] = ["vokzal", "bozor", "mehmonxona", "avtovokzal"],
    };

    private static readonly string[] Ranks = ["сержант", "старший сержант", "лейтенант", "старший лейтенант", "капитан", "майор"];
    private static readonly string[] Cars = ["белая Toyota Camry", "серый Hyundai Accent", "чёрный Lexus", "Chevrolet Cobalt", "Lada Granta", "белый Chevrolet Nexia"];
    private static readonly string[] MobilePrefixes = ["700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"];

    // Plate letters that look the same in Latin and Cyrillic, so a plate can be written either way.
    private const string PlateLatin = "ABEKMHOPCTXY";
    private const string PlateCyrillic = "АВЕКМНОРСТХУ";

    private readonly Faker faker;

    /// <summary>Its own sequence, so that adding nationalities left every other demo value as it was.</summary>
    private readonly Random nationalities;

    private static readonly (string Code, int Weight)[] NationalityWeights =
        [("KZ", 38), ("UZ", 30), ("KG", 14), ("TJ", 9), ("RU", 4), ("TM", 2), ("AZ", 1), ("UA", 1), ("OTHER", 1)];
    private readonly DateOnly today;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> stations;
    private readonly Dictionary<string, List<Known>> officers = new(StringComparer.Ordinal);
    private readonly List<Known> clients = [];
    private readonly List<Known> pimps = [];

    public DemoIncidents(int seed, DateOnly today, IReadOnlyDictionary<string, IReadOnlyList<string>> stationsByCity)
    {
        faker = new Faker("ru") { Random = new Randomizer(seed) };
        nationalities = new Random(seed);
        this.today = today;
        stations = stationsByCity;
    }

    private delegate IncidentDraft Build(DemoIncidents demo, string city, DateOnly occurredOn, string language);

    private static readonly (float Weight, Build Build)[] Situations =
    [
        (30, (d, c, o, l) => d.DocumentCheck(c, o, l)),
        (8, (d, c, o, l) => d.PatrolExtortion(c, o, l)),
        (28, (d, c, o, l) => d.ClientViolence(c, o, l)),
        (11, (d, c, o, l) => d.PimpControl(c, o, l)),
        (8, (d, c, o, l) => d.Raid(c, o, l)),
        (5, (d, c, o, l) => d.BorderBribe(c, o, l)),
        (5, (d, c, o, l) => d.HealthCare(c, o, l)),
        (5, (d, c, o, l) => d.Partner(c, o, l)),
    ];

    /// <summary>
    /// The next incident. <paramref name="knownMembers"/> are members already recorded: about a third of the
    /// named people are one of them (women come back), the others are new working names.
    /// </summary>
    public IncidentDraft Next(IReadOnlyList<Guid> knownMembers)
    {
        ArgumentNullException.ThrowIfNull(knownMembers);
        var city = Pick(Cities, CityWeights);
        var language = Pick(Languages, LanguageWeights);
        var build = Pick(Situations.Select(s => s.Build).ToArray(), Situations.Select(s => s.Weight).ToArray());
        var draft = build(this, city, OccurredOn(), language);
        var named = Pick([0, 1, 2], [0.15f, 0.8f, 0.05f]);
        var people = Enumerable.Range(0, named).Select(_ => Person(knownMembers)).ToList();
        var unnamed = draft.UnnamedPeople == 0 && people.Count == 0 ? 1 : draft.UnnamedPeople;
        var complaint = Pick(["NONE", "UNDECIDED", "POLICE", "PROSECUTOR", "OMBUDSMAN", "COURT"], [70f, 10, 10, 5, 3, 2]);
        var old = draft.OccurredOn!.Value.AddDays(90) < today;
        return draft with
        {
            People = people,
            UnnamedPeople = unnamed,
            ComplaintCode = complaint,
            OutcomeCode = complaint is "NONE" or "UNDECIDED" ? null : Pick(["REFUSED", "PENDING", "CLOSED", "RETALIATION", "OTHER-CHARGES"], [40f, 30, 18, 8, 4]),
            SourceCode = Pick(["OUTREACH", "SELF", "PEER", "PARTNER"], [45f, 30, 15, 10]),
            ReliabilityCode = Pick(["FIRST", "WITNESS", "SECOND", "UNKNOWN"], [60f, 15, 20, 5]),
            Status = old
                ? Pick([IncidentStatus.Closed, IncidentStatus.NeedsFollowUp, IncidentStatus.Open], [75f, 15, 10])
                : Pick([IncidentStatus.Open, IncidentStatus.NeedsFollowUp, IncidentStatus.Closed], [50f, 30, 20]),
        };
    }

    /// <summary>A new member's citizenship: mostly Kazakhstan and the neighbours, as in the centre's city.</summary>
    public string Nationality()
    {
        var roll = nationalities.Next(NationalityWeights.Sum(n => n.Weight));
        foreach (var (code, weight) in NationalityWeights)
        {
            roll -= weight;
            if (roll < 0)
            {
                return code;
            }
        }

        return "KZ";
    }

    /// <summary>When the centre recorded it (UTC, a working hour in Kazakhstan): mostly soon after, sometimes months later.</summary>
    public DateTime RecordedAt(DateOnly occurredOn)
    {
        var delay = Pick([faker.Random.Int(0, 3), faker.Random.Int(4, 7), faker.Random.Int(8, 30), faker.Random.Int(31, 120)], [45f, 20, 25, 10]);
        return occurredOn.AddDays(delay).ToDateTime(new TimeOnly(faker.Random.Int(4, 14), faker.Random.Int(0, 59)), DateTimeKind.Utc);
    }

    /// <summary>A service the centre gave after the incident, or none.</summary>
    public (string Code, int? Nights)? Response() =>
        Pick(["", "SHELTER", "PSY", "MED-GYN", "MED-SUR", "LEG-CON", "DOC", "AID"], [45f, 10, 12, 8, 5, 8, 7, 5]) switch
        {
            "" => null,
            "SHELTER" => ("SHELTER", faker.Random.Int(1, 21)),
            var code => (code, null),
        };

    /// <summary>Over the last two years, more in recent months (the centre became known), a little more in summer.</summary>
    private DateOnly OccurredOn()
    {
        const int months = 24;
        var weights = Enumerable.Range(0, months).Select(m =>
        {
            var month = today.AddMonths(m - months + 1).Month;
            return (float)(1 + (m / (double)months)) * (month is >= 5 and <= 9 ? 1.25f : 1f);
        }).ToArray();
        var offset = Pick(Enumerable.Range(0, months).ToArray(), weights);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(offset - months + 1);
        var last = offset == months - 1 ? today : first.AddMonths(1).AddDays(-1);
        return first.AddDays(faker.Random.Int(0, last.DayNumber - first.DayNumber));
    }

    private PersonDraft Person(IReadOnlyList<Guid> knownMembers)
    {
        var consents = new Dictionary<string, ConsentValue>(StringComparer.Ordinal)
        {
            ["SERVICES"] = Pick([ConsentValue.Yes, ConsentValue.No], [95f, 5]),
            ["STATS"] = Pick([ConsentValue.Yes, ConsentValue.No, ConsentValue.NotAsked], [85f, 10, 5]),
            ["ALERT"] = Pick([ConsentValue.Yes, ConsentValue.No, ConsentValue.NotAsked], [45f, 30, 25]),
            ["LAWYER"] = Pick([ConsentValue.Yes, ConsentValue.No, ConsentValue.NotAsked], [30f, 40, 30]),
            ["AUTHORITIES"] = Pick([ConsentValue.Yes, ConsentValue.No], [15f, 85]),
        };
        return knownMembers.Count > 0 && faker.Random.Bool(0.3f)
            ? new PersonDraft { MemberId = knownMembers[faker.Random.Int(0, knownMembers.Count - 1)], Consents = consents }
            : new PersonDraft { WorkingName = faker.Name.FirstName(Name.Gender.Female), Consents = consents };
    }

    private IncidentDraft DocumentCheck(string city, DateOnly occurredOn, string language)
    {
        var days = Pick([1, 2, 3, 4, 5, 6, 7, 10], [30f, 20, 15, 10, 8, 8, 6, 3]);
        var money = Money(10_000, 150_000);
        var violations = new List<string> { "ST-DET", "ST-DOC" };
        violations.AddRange(Some(("ST-EXT", 0.6f), ("ST-PHY", 0.35f), ("ST-SXC", 0.2f), ("ST-RAP", 0.12f), ("ST-NEG", 0.3f), ("ST-TST", 0.05f)));
        var landmark = faker.Random.Int(0, 3);
        return new IncidentDraft
        {
            OccurredOn = occurredOn,
            DurationDays = days,
            CityCode = city,
            PlaceCode = "STATION",
            StationCode = Station(city, 0.7f),
            Violations = violations,
            Perpetrators = [Officer(city)],
            UnnamedPeople = Pick([0, 1, 2, 3], [70f, 15, 10, 5]),
            DaysDetained = days,
            DocumentsTaken = true,
            DocumentsReturned = faker.Random.Bool(0.6f),
            MoneyExtortedMinor = violations.Contains("ST-EXT") ? money * 100 : null,
            Currency = violations.Contains("ST-EXT") ? "KZT" : null,
            Injuries = violations.Contains("ST-PHY") ? Story(language, "bruises on the arms and face", "синяки на руках и лице", "қолы мен бетінде көгерген жерлер", "qoʻllari va yuzida koʻkarishlar") : null,
            Narrative = Story(
                language,
                $"Stopped near {Landmarks["en"][landmark]} \"to check documents\", taken to the station and held for {days} days. They took her passport and demanded {N0(money)} KZT to let her go.",
                $"Остановили у {Landmarks["ru"][landmark]} «для проверки документов», отвезли в отдел и держали {days} сут. Забрали паспорт, требовали {money} тенге, чтобы отпустить.",
                $"{Landmarks["kk"][landmark]} маңында «құжат тексеру үшін» тоқтатып, бөлімге апарды, {days} тәулік ұстады. Паспортын алып, босату үшін {money} теңге талап етті.",
                $"{Landmarks["uz"][landmark]} yonida «hujjat tekshiruvi uchun» toʻxtatishdi, boʻlimga olib borib, {days} kun ushlab turishdi. Pasportini olib, qoʻyib yuborish uchun {money} tenge talab qilishdi."),
        };
    }

    private IncidentDraft PatrolExtortion(string city, DateOnly occurredOn, string language)
    {
        var money = Money(5_000, 50_000);
        return new IncidentDraft
        {
            OccurredOn = occurredOn,
            OccurredAt = new TimeOnly(faker.Random.Int(21, 23), faker.Random.Int(0, 59)),
            CityCode = city,
            PlaceCode = "STREET",
            Violations = ["ST-EXT", .. Some(("ST-SXC", 0.4f), ("ST-THR", 0.5f))],
            Perpetrators = [Officer(city)],
            MoneyExtortedMinor = money * 100,
            Currency = "KZT",
            Narrative = Story(
                language,
                $"Patrol officers stopped her at night and demanded {N0(money)} KZT \"so as not to go to the station\"; they photographed her and threatened to send the pictures to her family.",
                $"Патрульные остановили ночью и потребовали {money} тенге, «чтобы не ехать в отдел»; сфотографировали и грозили отправить фото родным.",
                $"Патрульдер түнде тоқтатып, «бөлімге бармау үшін» {money} теңге талап етті; суретке түсіріп, туыстарына жіберемін деп қорқытты.",
                $"Patrul xodimlari tunda toʻxtatib, «boʻlimga bormaslik uchun» {money} tenge talab qilishdi; suratga olib, suratlarni qarindoshlariga yuborishga qoʻrqitishdi."),
        };
    }

    private IncidentDraft ClientViolence(string city, DateOnly occurredOn, string language)
    {
        var money = Money(5_000, 60_000);
        var violations = new List<string> { "CL-PHY" };
        violations.AddRange(Some(("CL-ROB", 0.5f), ("CL-SEX", 0.2f), ("CL-CND", 0.25f), ("CL-HUM", 0.3f), ("CL-GRP", 0.08f), ("CL-STK", 0.05f)));
        return new IncidentDraft
        {
            OccurredOn = occurredOn,
            OccurredAt = faker.Random.Bool(0.6f) ? new TimeOnly(faker.Random.Int(0, 23), 0) : null,
            CityCode = city,
            PlaceCode = Pick(["CLIENT", "FLAT", "SAUNA", "TRANSPORT"], [40f, 30, 20, 10]),
            Violations = violations,
            Perpetrators = [Client()],
            MoneyExtortedMinor = violations.Contains("CL-ROB") ? money * 100 : null,
            Currency = violations.Contains("CL-ROB") ? "KZT" : null,
            Injuries = Story(language, "a cut lip and a swollen eye", "разбита губа, отёк глаза", "ерні жарылған, көзі ісінген", "labi yorilgan, koʻzi shishgan"),
            Narrative = Story(
                language,
                $"A client took her to a flat, refused to pay, beat her and took her phone and {N0(money)} KZT.",
                $"Клиент привёз её на квартиру, отказался платить, избил и забрал телефон и {money} тенге.",
                $"Клиент оны пәтерге алып барып, ақы төлеуден бас тартты, ұрып-соғып, телефоны мен {money} теңгесін тартып алды.",
                $"Mijoz uni kvartiraga olib bordi, pul toʻlashdan bosh tortdi, urib, telefoni va {money} tengesini tortib oldi."),
        };
    }

    private IncidentDraft PimpControl(string city, DateOnly occurredOn, string language) => new()
    {
        OccurredOn = occurredOn,
        DurationDays = faker.Random.Int(30, 365),
        CityCode = city,
        PlaceCode = "FLAT",
        UnnamedPeople = faker.Random.Int(2, 6),
        Violations = ["TP-DOC", "TP-WAG", .. Some(("TP-FRC", 0.6f), ("TP-VIO", 0.5f), ("TP-THR", 0.7f))],
        Perpetrators = [Pimp()],
        DocumentsTaken = true,
        DocumentsReturned = false,
        Narrative = Story(
            language,
            "Women without documents live in a flat and work for food; the man who keeps their passports threatens to stab anyone who leaves.",
            "Женщины без документов живут в квартире и работают за еду; мужчина, у которого их паспорта, угрожает ножом тем, кто захочет уйти.",
            "Құжатсыз әйелдер пәтерде тұрып, тамақ үшін жұмыс істейді; паспорттарын ұстаған ер адам кетемін дегенді пышақпен қорқытады.",
            "Hujjatsiz ayollar kvartirada yashab, ovqat uchun ishlashadi; pasportlarini ushlab turgan erkak ketmoqchi boʻlganlarni pichoq bilan qoʻrqitadi."),
    };

    private IncidentDraft Raid(string city, DateOnly occurredOn, string language)
    {
        var people = faker.Random.Int(3, 9);
        return new IncidentDraft
        {
            OccurredOn = occurredOn,
            DurationDays = faker.Random.Int(2, 14),
            CityCode = city,
            PlaceCode = Pick(["SAUNA", "FLAT", "MIGDET"], [50f, 30, 20]),
            UnnamedPeople = people,
            Violations = ["ST-DET", "ST-DEP", .. Some(("ST-DOC", 0.7f), ("ST-OUT", 0.3f), ("ST-EXT", 0.3f))],
            Perpetrators = [new PerpetratorDraft { CategoryCode = "MIG", InvolvementCode = "DIR", Count = faker.Random.Int(2, 6) }, Officer(city)],
            DaysDetained = faker.Random.Int(1, 10),
            DocumentsTaken = true,
            DocumentsReturned = faker.Random.Bool(0.3f),
            Narrative = Story(
                language,
                $"A raid: {people} women taken to the migration centre; she was expelled with a ban on entry.",
                $"Рейд: {people} женщин увезли в миграционный центр; её выдворили с запретом въезда.",
                $"Рейд: {people} әйелді көші-қон орталығына алып кетті; оны елге кіруге тыйым салып, шығарып жіберді.",
                $"Reyd: {people} ayol migratsiya markaziga olib ketildi; u kirish taqiqi bilan chiqarib yuborildi."),
        };
    }

    private IncidentDraft BorderBribe(string city, DateOnly occurredOn, string language)
    {
        var money = Money(20_000, 200_000);
        return new IncidentDraft
        {
            OccurredOn = occurredOn,
            CityCode = city,
            PlaceCode = "BORDER",
            Violations = ["ST-BRD", .. Some(("ST-EXT", 0.8f))],
            Perpetrators = [new PerpetratorDraft { CategoryCode = "BRD", InvolvementCode = "DIR", Count = faker.Random.Int(1, 3) }],
            MoneyExtortedMinor = money * 100,
            Currency = "KZT",
            Narrative = Story(
                language,
                $"Came back months after being expelled; border officers let her through for {N0(money)} KZT.",
                $"Вернулась через несколько месяцев после выдворения; пограничники пропустили за {money} тенге.",
                $"Шығарылғаннан кейін бірнеше айдан соң оралды; шекарашылар {money} теңге алып өткізді.",
                $"Chiqarib yuborilganidan bir necha oy keyin qaytdi; chegarachilar {money} tenge olib oʻtkazib yuborishdi."),
        };
    }

    private IncidentDraft HealthCare(string city, DateOnly occurredOn, string language) => new()
    {
        OccurredOn = occurredOn,
        CityCode = city,
        PlaceCode = "OTHER",
        Violations = ["HC-DEN", .. Some(("HC-CNF", 0.5f))],
        Perpetrators = [new PerpetratorDraft { CategoryCode = "HLT", InvolvementCode = "DIR", Count = 1 }],
        Narrative = Story(
            language,
            "At the clinic she was refused treatment once they learned about her work; the nurse told others.",
            "В поликлинике ей отказали в помощи, узнав о её работе; медсестра рассказала другим.",
            "Емханада жұмысы туралы білген соң көмек көрсетуден бас тартты; медбике басқаларға айтып қойды.",
            "Poliklinikada ishini bilib qolishgach, yordam berishdan bosh tortishdi; hamshira boshqalarga aytib qoʻydi."),
    };

    private IncidentDraft Partner(string city, DateOnly occurredOn, string language) => new()
    {
        OccurredOn = occurredOn,
        DurationDays = faker.Random.Bool(0.3f) ? faker.Random.Int(30, 365) : null,
        CityCode = city,
        PlaceCode = "FLAT",
        Violations = ["IP-VIO"],
        Perpetrators = [new PerpetratorDraft { CategoryCode = "FAM", InvolvementCode = "DIR", Count = 1 }],
        Injuries = Story(language, "bruises", "синяки", "көгерген жерлер", "koʻkarishlar"),
        Narrative = Story(
            language,
            "Her partner beat her after finding out about her work and took her earnings.",
            "Партнёр избил её, узнав о работе, и забрал заработок.",
            "Серігі жұмысы туралы біліп, оны ұрып-соқты және табысын тартып алды.",
            "Sherigi ishi haqida bilib qolib, uni urdi va topganini tortib oldi."),
    };

    /// <summary>A police officer: often one seen before (same badge or name, the station of his city).</summary>
    private PerpetratorDraft Officer(string city)
    {
        var pool = officers.TryGetValue(city, out var list) ? list : officers[city] = [];
        var known = Recurring(pool, 0.35f, () => new Known(
            $"{faker.Name.LastName(Name.Gender.Male)} {faker.Name.FirstName(Name.Gender.Male)}", faker.Random.ReplaceNumbers("0#####"), null, null));
        return new PerpetratorDraft
        {
            CategoryCode = "POL",
            InvolvementCode = Pick(["DIR", "ORD", "ACC"], [70f, 15, 15]),
            Count = Pick([1, 2, 3], [50f, 35, 15]),
            Name = faker.Random.Bool(0.4f) ? known.Name : null,
            Rank = faker.Random.Bool(0.5f) ? faker.PickRandom(Ranks) : null,
            Badge = faker.Random.Bool(0.3f) ? known.Badge : null,
            Description = faker.Random.Bool(0.3f) ? "в форме, на патрульной машине" : null,
        };
    }

    private PerpetratorDraft Client()
    {
        var known = Recurring(clients, 0.3f, () => new Known(
            faker.Name.FirstName(Name.Gender.Male), null, Phone(), faker.Random.Bool(0.4f) ? Plate() : null));
        return new PerpetratorDraft
        {
            CategoryCode = "CLI",
            InvolvementCode = "DIR",
            Count = Pick([1, 2, 3], [85f, 10, 5]),
            Name = faker.Random.Bool(0.5f) ? known.Name : null,
            Phones = faker.Random.Bool(0.7f) ? WrittenPhone(known.Phone!) : null,
            Plate = known.Plate is { } plate && faker.Random.Bool(0.7f) ? WrittenPlate(plate) : null,
            Vehicle = known.Plate is not null ? faker.PickRandom(Cars) : null,
        };
    }

    private PerpetratorDraft Pimp()
    {
        var known = Recurring(pimps, 0.5f, () => new Known(faker.Name.FirstName(Name.Gender.Male), null, Phone(), null));
        return new PerpetratorDraft
        {
            CategoryCode = "PIM",
            InvolvementCode = "DIR",
            Count = Pick([1, 2], [70f, 30]),
            Name = known.Name,
            Phones = faker.Random.Bool(0.6f) ? WrittenPhone(known.Phone!) : null,
        };
    }

    /// <summary>Someone seen before (the first ones most often), or a new one added to the pool.</summary>
    private Known Recurring(List<Known> pool, float again, Func<Known> create)
    {
        if (pool.Count > 0 && faker.Random.Bool(again))
        {
            var skew = faker.Random.Double();
            return pool[(int)(skew * skew * pool.Count)];
        }

        var known = create();
        pool.Add(known);
        return known;
    }

    private string? Station(string city, float chance) =>
        stations.TryGetValue(city, out var list) && list.Count > 0 && faker.Random.Bool(chance) ? list[faker.Random.Int(0, list.Count - 1)] : null;

    private string Phone() => faker.PickRandom(MobilePrefixes) + faker.Random.ReplaceNumbers("#######");

    /// <summary>A Kazakh mobile number (10 digits after +7) written as people write it.</summary>
    private string WrittenPhone(string digits) => faker.Random.Int(0, 3) switch
    {
        0 => $"8 ({digits[..3]}) {digits[3..6]}-{digits[6..8]}-{digits[8..]}",
        1 => $"+7 {digits[..3]} {digits[3..6]} {digits[6..]}",
        2 => "8" + digits,
        _ => $"+7({digits[..3]}){digits[3..6]}-{digits[6..8]}-{digits[8..]}",
    };

    /// <summary>A current Kazakh plate: three digits, three letters, the region's two digits.</summary>
    private string Plate() =>
        faker.Random.ReplaceNumbers("###") + new string(faker.Random.ArrayElements(PlateLatin.ToCharArray(), 3)) + faker.Random.ArrayElement(["01", "02", "05", "13", "17"]);

    private string WrittenPlate(string plate)
    {
        var letters = plate[3..6];
        if (faker.Random.Bool())
        {
            letters = new string([.. letters.Select(c => PlateCyrillic[PlateLatin.IndexOf(c, StringComparison.Ordinal)])]);
        }

        var separator = faker.Random.Bool(0.7f) ? " " : string.Empty;
        return string.Join(separator, plate[..3], faker.Random.Bool(0.3f) ? letters.ToLowerInvariant() : letters, plate[6..]);
    }

    /// <summary>One of the items, with chances proportional to the weights (Bogus wants weights that sum to 1).</summary>
    private T Pick<T>(T[] items, float[] weights)
    {
        var roll = faker.Random.Double() * weights.Sum();
        for (var i = 0; i < items.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    private int Money(int min, int max) => faker.Random.Int(min / 1000, max / 1000) * 1000;

    private List<string> Some(params (string Code, float Chance)[] codes) =>
        codes.Where(c => faker.Random.Bool(c.Chance)).Select(c => c.Code).ToList();

    private static string Story(string language, string en, string ru, string kk, string uz) => language switch
    {
        "en" => en,
        "kk" => kk,
        "uz" => uz,
        _ => ru,
    };

    private sealed record Known(string Name, string? Badge, string? Phone, string? Plate);

    /// <summary>A sum as English writes it (10,000), whatever the culture of the command.</summary>
    private static string N0(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
