using Amanat.Core.Identifiers;

namespace Amanat.Core.Tests.Identifiers;

public sealed class PhoneNormaliserTests
{
    private readonly PhoneNormaliser phone = new();

    [Theory]
    [InlineData("8 (701) 123-45-67", "+77011234567")]
    [InlineData("+7 701 123 4567", "+77011234567")]
    [InlineData("87011234567", "+77011234567")]
    [InlineData("7011234567", "+77011234567")]
    [InlineData("+7 (701) 123-45-67", "+77011234567")]
    [InlineData("００７ ７０１ １２３ ４５ ６７", "+77011234567")]
    [InlineData("＋７７０１１２３４５６７", "+77011234567")]
    [InlineData("8-727-250-12-34", "+77272501234")]
    [InlineData("90 123 45 67", "+998901234567")]
    [InlineData("+998 90 123 45 67", "+998901234567")]
    [InlineData("998901234567", "+998901234567")]
    [InlineData("0555 123 456", "+996555123456")]
    [InlineData("+996 555 123 456", "+996555123456")]
    [InlineData("+992 93 123 4567", "+992931234567")]
    [InlineData("8 916 123-45-67", "+79161234567")]
    public void ValidNumbers_BecomeE164(string raw, string expected) => Assert.Equal(expected, phone.Normalise(raw));

    [Theory]
    [InlineData("12-34-5", "?12345")]
    [InlineData("call 555-1", "?5551")]
    [InlineData("+7 000 000", "?7000000")]
    [InlineData("no number", null)]
    public void Unparseable_KeepsItsDigits_MarkedUnverified(string raw, string? expected) =>
        Assert.Equal(expected, phone.Normalise(raw));

    [Fact]
    public void DifferentNumbers_StayDifferent() =>
        Assert.NotEqual(phone.Normalise("+7 701 123 4567"), phone.Normalise("+7 701 123 4568"));

    [Fact]
    public void SeveralNumbersInOneField_AreSplit() =>
        Assert.Equal(["8 701 123 45 67", "+998 90 123 45 67", "555"], PhoneNormaliser.Split("8 701 123 45 67, +998 90 123 45 67; 555"));

    [Theory]
    [InlineData("87011234567 87017654321", new[] { "87011234567", "87017654321" })]
    [InlineData("8 701 123 45 67 +998 90 123 45 67", new[] { "8 701 123 45 67", "+998 90 123 45 67" })]
    [InlineData("8 701 123 45 67 8 702 765 43 21", new[] { "8 701 123 45 67", "8 702 765 43 21" })]
    [InlineData("8 701 123 45 67", new[] { "8 701 123 45 67" })]
    [InlineData("87011234567 Саша", new[] { "87011234567 Саша" })]
    public void NumbersSeparatedOnlyBySpaces_AreSplitWhenEachIsAFullNumber(string field, string[] expected) =>
        Assert.Equal(expected, PhoneNormaliser.Split(field));
}

public sealed class PlateAndBadgeNormaliserTests
{
    [Theory]
    [InlineData("123 ABC 02", "123ABC02")]
    [InlineData("123 АВС 02", "123ABC02")]
    [InlineData("123аbс02", "123ABC02")]
    [InlineData("123-ABC-02", "123ABC02")]
    [InlineData("A 123 BCD", "A123BCD")]
    [InlineData("А 123 ВСD", "A123BCD")]
    [InlineData("777 КХМ 01", "777KXM01")]
    [InlineData("777 KXM 01", "777KXM01")]
    public void Plates_FoldLookAlikes_CaseSpacesAndDashes(string raw, string expected) =>
        Assert.Equal(expected, new PlateNormaliser().Normalise(raw));

    [Fact]
    public void Plates_InDifferentRegions_DoNotMatch() =>
        Assert.NotEqual(new PlateNormaliser().Normalise("123 ABC 02"), new PlateNormaliser().Normalise("123 ABC 01"));

    [Fact]
    public void Plates_NeverSwapDigitsAndLetters() =>
        Assert.NotEqual(new PlateNormaliser().Normalise("100 ABC 02"), new PlateNormaliser().Normalise("1OO ABC 02"));

    [Theory]
    [InlineData("KZ 0417", "KZ0417")]
    [InlineData("кz-0417", "KZ0417")]
    [InlineData("№ 0417", "0417")]
    [InlineData(" 12 ", "12")]
    [InlineData("-", null)]
    public void Badges_KeepLettersAndDigitsOnly(string raw, string? expected) =>
        Assert.Equal(expected, new BadgeNormaliser().Normalise(raw));
}

public sealed class NameNormaliserTests
{
    private readonly NameNormaliser name = new();

    [Theory]
    [InlineData("Қайрат", "Кайрат")]
    [InlineData("Кайрат", "Kairat")]
    [InlineData("Kairat", "Qayrat")]
    [InlineData("Ғалым", "Galym")]
    [InlineData("Жамшид", "Jamshid")]
    [InlineData("Хуршид", "Xurshid")]
    [InlineData("Хуршид", "Khurshid")]
    [InlineData("Gʻayrat", "Гайрат")]
    [InlineData("Oʻktam", "Ўктам")]
    [InlineData("Айгуль", "Aigul")]
    [InlineData("Айгүл", "AIGUL")]
    [InlineData("Яна", "Yana")]
    [InlineData("Марат  по кличке Бек", "marat po klichke bek")]
    [InlineData("Бек-Мурат", "Бек Мурат")]
    public void SpellingsOfTheSameName_Match(string one, string other) =>
        Assert.Equal(name.Normalise(one), name.Normalise(other));

    [Theory]
    [InlineData("Марат", "Мурат")]
    [InlineData("Дина", "Дана")]
    [InlineData("Бек", "Бекзат")]
    public void DifferentNames_DoNotMatch(string one, string other) =>
        Assert.NotEqual(name.Normalise(one), name.Normalise(other));

    [Theory]
    [InlineData("Қайрат", "KAIRAT")]
    [InlineData("Щукин", "SHCHUKIN")]
    [InlineData("Өмір", "OMIR")]
    [InlineData("   ", null)]
    [InlineData("123", null)]
    public void Spelling_IsOneLatinForm(string raw, string? expected) => Assert.Equal(expected, name.Normalise(raw));
}

public sealed class IdentifierMaskTests
{
    [Theory]
    [InlineData("87011234567", "+7 701 ••• •• 67")]
    [InlineData("+7 (701) 123-45-67", "+7 701 ••• •• 67")]
    [InlineData("+998 90 123 45 67", "+998 90 ••• •• 67")]
    [InlineData("12345", "•••45")]
    public void APhone_KeepsItsCountryAndOperatorCodeAndItsLastTwoDigits(string raw, string expected) =>
        Assert.Equal(expected, IdentifierMask.Phone(raw));

    [Theory]
    [InlineData("777 KZA 02", "••• ••• 02")]
    [InlineData("A123BCD", "•••••CD")]
    [InlineData("A12", "••2")]
    public void APlate_KeepsOnlyItsLastTwoCharacters(string raw, string expected) =>
        Assert.Equal(expected, IdentifierMask.Tail(raw));
}
