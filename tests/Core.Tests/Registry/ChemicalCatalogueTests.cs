using Tianshan.Core.Registry;

namespace Tianshan.Core.Tests.Registry;

public class ChemicalCatalogueTests
{
    private static readonly ChemicalCatalogue Catalogue = ChemicalCatalogue.Default;

    [Fact]
    public void Table_1_holds_all_85_substances_each_with_a_critical_quantity_and_beta()
    {
        var table1 = Catalogue.Chemicals.Where(c => c.Source == ChemicalSource.Table1).ToList();
        Assert.Equal(85, table1.Count);
        Assert.All(table1, c => Assert.True(c.CriticalQuantity > 0, c.NameZh));
        Assert.All(table1, c => Assert.True(c.Beta > 0, c.NameZh));
        // β comes from Table 3, from Table 4 by hazard category, or — for the two corrosives with no Table 2
        // category (一氯化硫, 三氧化硫) — the default 1, as SOURCES.md records.
        Assert.All(table1, c => Assert.True(c.BetaBasis == "table3" || (c.BetaBasis == "table4" && c.HazardCode is not null) || (c.BetaBasis == "default" && c.Beta == 1), c.NameZh));
        Assert.Equal(2, table1.Count(c => c.BetaBasis == "default"));
    }

    [Fact]
    public void Table_2_has_the_24_hazard_categories()
    {
        Assert.Equal(24, Catalogue.Categories.Count);
        var w2 = Catalogue.Find("W2")!;
        Assert.Equal(10m, w2.CriticalQuantity);
        Assert.Equal(1.5m, w2.Beta);
        Assert.Equal(5000m, Catalogue.Find("w5.4")!.CriticalQuantity);
    }

    [Theory]
    [InlineData("氨", 10)]
    [InlineData("液氨", 10)]
    [InlineData("7664-41-7", 10)]
    [InlineData("液化石油气", 50)]
    [InlineData("74-98-6", 50)]
    [InlineData("天然气", 50)]
    [InlineData("甲烷", 50)]
    [InlineData("汽油", 200)]
    [InlineData("光气", 0.3)]
    [InlineData("TDI", 100)]
    [InlineData("氯化氢", 20)]
    [InlineData("  ７６６４－４１－７ ", 10)]
    public void Finds_by_name_alias_cas_or_abbreviation(string query, double expectedQ)
    {
        var chemical = Catalogue.Find(query, out var problem);
        Assert.True(chemical is not null, problem);
        Assert.Equal((decimal)expectedQ, chemical.CriticalQuantity);
    }

    [Fact]
    public void Chlorine_is_not_confused_with_hydrogen_chloride()
    {
        Assert.Equal(5m, Catalogue.Find("氯")!.CriticalQuantity);
        Assert.Equal(4m, Catalogue.Find("氯")!.Beta);
    }

    [Fact]
    public void An_unknown_chemical_gets_a_chinese_reason()
    {
        Assert.Null(Catalogue.Find("不存在的物质", out var problem));
        Assert.Contains("未找到", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ambiguous_short_name_asks_for_the_full_name()
    {
        Assert.Null(Catalogue.Find("硝化纤维素", out var problem));
        Assert.Contains("多个", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Toxic_gases_of_table_3_carry_their_own_beta()
    {
        foreach (var (name, beta) in new[] { ("一氧化碳", 2m), ("二氧化硫", 2m), ("环氧乙烷", 2m), ("溴甲烷", 3m), ("氟化氢", 5m), ("二氧化氮", 10m), ("氰化氢", 10m), ("碳酰氯", 20m), ("磷化氢", 20m), ("异氰酸甲酯", 20m) })
        {
            var c = Catalogue.Find(name, out var problem);
            Assert.True(c is not null, problem);
            Assert.Equal(beta, c.Beta);
        }
    }
}
