using Amanat.Core.Common;
using Amanat.Core.Members;

namespace Amanat.Core.Tests.Members;

public sealed class UicTests
{
    [Theory]
    [InlineData("Шахноза", "Shahnoza", "Şahnoza", "SH")]
    [InlineData("Гульнара", "Gulnara", "Гulнара", "GU")] // the last one mixes Latin letters into a Cyrillic name
    [InlineData("Хадича", "Xadicha", "Khadicha", "HA")]
    [InlineData("Жанар", "Zhanar", "Janar", "JA")]
    [InlineData("Қуралай", "Quralay", "Kuralay", "KU")]
    [InlineData("Ўғилой", "Oʻgʻiloy", "O'g'iloy", "OG")]
    [InlineData("Әсел", "Äsel", "Asel", "AS")]
    [InlineData("Юлдуз", "Yulduz", "YULDUZ", "YU")]
    [InlineData("  ерлан ", "erlan", "ERLAN", "ER")]
    public void CyrillicLatinAndMixedSpellings_FoldToTheSameLetters(string a, string b, string c, string expected)
    {
        foreach (var name in new[] { a, b, c })
        {
            Assert.Equal(expected, Uic.Fold(name)[..2]);
        }
    }

    [Fact]
    public void TheDefaultFormula_GivesTheSameCode_HoweverTheNamesAreWritten()
    {
        var cyrillic = Uic.Compose(new UicParts(UicSex.Female, 1995, "Гульнара", "Ерлан"), Uic.DefaultFormula);
        var latin = Uic.Compose(new UicParts(UicSex.Female, 1995, "gulnara", "Erlan"), Uic.DefaultFormula);
        var mixed = Uic.Compose(new UicParts(UicSex.Female, 1995, "Гu", "Еr"), Uic.DefaultFormula); // only the two letters, in two alphabets

        Assert.Equal("GUER295", cyrillic);
        Assert.Equal(cyrillic, latin);
        Assert.Equal(cyrillic, mixed);
        Assert.Equal("GUER195", Uic.Compose(new UicParts(UicSex.Male, 1995, "Гульнара", "Ерлан"), Uic.DefaultFormula));
    }

    [Fact]
    public void AnotherFormula_IsFollowed()
    {
        Assert.Equal("1995-2-GUL-E", Uic.Compose(new UicParts(UicSex.Female, 1995, "Гульнара", "Ерлан"), "{YYYY}-{S}-{M3}-{F1}"));
    }

    [Theory]
    [InlineData(null, 1995, "Гульнара", "Ерлан")]
    [InlineData(UicSex.Female, null, "Гульнара", "Ерлан")]
    [InlineData(UicSex.Female, 1995, "Г", "Ерлан")]
    [InlineData(UicSex.Female, 1995, "Гульнара", "— ")]
    public void AMissingPart_GivesNoCode(UicSex? sex, int? year, string mother, string father)
    {
        Assert.Null(Uic.Compose(new UicParts(sex, year, mother, father), Uic.DefaultFormula));
    }

    [Theory]
    [InlineData("{M2}{F2}{S}{YY}", true)]
    [InlineData("{YYYY}{M1}{F1}", true)]
    [InlineData("{M2}{S}{YY}", false)] // no father's letters
    [InlineData("{M2}{F2}{X}{YY}", false)]
    [InlineData("{M2}{F2}{YY", false)]
    [InlineData("", false)]
    public void Formulas_AreChecked(string formula, bool valid)
    {
        Assert.Equal(valid, Uic.IsValidFormula(formula));
        if (!valid)
        {
            Assert.Throws<DomainException>(() => Uic.Compose(new UicParts(UicSex.Female, 1990, "Aa", "Bb"), formula));
        }
    }
}
