using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Tests.Registry;

public class MajorHazardGradingTests
{
    private static readonly ChemicalCatalogue Catalogue = ChemicalCatalogue.Default;

    private static HazardLine Line(string chemical, decimal q, decimal? beta = null) =>
        new(Catalogue.Find(chemical, out var problem) ?? throw new InvalidOperationException(problem), q, beta);

    [Fact]
    public void Sum_of_exactly_one_is_a_major_hazard_source()
    {
        // Exam item (domain-rules §1.1): 乙醇 200/500 + 汽油 100/200 + 乙醚 1/10 = 1.0 → 是重大危险源.
        var result = MajorHazardGrading.Assess([Line("乙醇", 200), Line("汽油", 100), Line("乙醚", 1)], 0);
        Assert.Equal(1.0m, result.S);
        Assert.True(result.IsMajorHazard);
        Assert.NotNull(result.Grade);
    }

    [Fact]
    public void Sum_just_below_one_is_not_a_major_hazard_source()
    {
        var result = MajorHazardGrading.Assess([Line("乙醇", 199.9m), Line("汽油", 100), Line("乙醚", 1)], 0);
        Assert.True(result.S < 1);
        Assert.False(result.IsMajorHazard);
        Assert.Null(result.Grade);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1.0)]
    [InlineData(29, 1.0)]
    [InlineData(30, 1.2)]
    [InlineData(49, 1.2)]
    [InlineData(50, 1.5)]
    [InlineData(99, 1.5)]
    [InlineData(100, 2.0)]
    [InlineData(5000, 2.0)]
    public void Alpha_follows_table_5_with_band_edges_included(int people, double alpha)
    {
        Assert.Equal((decimal)alpha, MajorHazardGrading.Alpha(people));
    }

    [Fact]
    public void Negative_exposed_people_is_rejected_in_chinese()
    {
        var e = Assert.Throws<DomainValidationException>(() => MajorHazardGrading.Alpha(-1));
        Assert.Contains("不能为负数", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 1)]
    [InlineData(99.999, 2)]
    [InlineData(50, 2)]
    [InlineData(49.999, 3)]
    [InlineData(10, 3)]
    [InlineData(9.999, 4)]
    [InlineData(0.5, 4)]
    public void Grade_follows_table_6_with_lower_bounds_included(double r, int grade)
    {
        Assert.Equal(grade, MajorHazardGrading.GradeOf((decimal)r));
    }

    [Fact]
    public void Sulphur_dioxide_exam_item_is_grade_three()
    {
        // cquc.net / 8fe.cn exam item: SO2 200 t, Q = 20, β = 2 (Table 3), 60 people → α 1.5 → R = 30 → 三级.
        var result = MajorHazardGrading.Assess([Line("二氧化硫", 200)], 60);
        Assert.Equal(20m, result.Lines[0].CriticalQuantity);
        Assert.Equal(2m, result.Lines[0].Beta);
        Assert.Equal(30m, result.R);
        Assert.Equal(3, result.Grade);
    }

    [Fact]
    public void Liquid_ammonia_uses_the_toxic_gas_beta()
    {
        // domain-rules §1.4: 液氨 150 t, 20 people: R = 1.0 × 2 × 150/10 = 30 → 三级.
        var result = MajorHazardGrading.Assess([Line("液氨", 150)], 20);
        Assert.Equal(15m, result.S);
        Assert.Equal(30m, result.R);
        Assert.Equal(3, result.Grade);
    }

    [Fact]
    public void Chlorine_and_hydrogen_sulphide_betas_come_from_table_3()
    {
        var result = MajorHazardGrading.Assess([Line("液氯", 5), Line("硫化氢", 5)], 100);
        Assert.Equal([4m, 5m], result.Lines.Select(l => l.Beta));
        Assert.Equal(2.0m * (4 + 5), result.R);
        Assert.Equal(3, result.Grade);
    }

    [Fact]
    public void A_beta_override_replaces_the_table_value()
    {
        var result = MajorHazardGrading.Assess([Line("汽油", 400, beta: 1.5m)], 0);
        Assert.Equal(1.5m, result.Lines[0].Beta);
        Assert.Equal(0.5m * 1.5m * 2, result.R);
    }

    [Fact]
    public void Every_line_of_the_computation_is_shown()
    {
        var result = MajorHazardGrading.Assess([Line("乙醇", 200), Line("汽油", 100), Line("乙醚", 1)], 40);
        Assert.Equal(3, result.Lines.Count);
        var ethanol = result.Lines[0];
        Assert.Equal(200m, ethanol.Q);
        Assert.Equal(500m, ethanol.CriticalQuantity);
        Assert.Equal(0.4m, ethanol.Ratio);
        Assert.Equal(1.2m, result.Alpha);
        Assert.Equal(result.Alpha * result.Lines.Sum(l => l.Beta * l.Ratio), result.R);
    }

    [Fact]
    public void Negative_quantity_names_its_line()
    {
        var e = Assert.Throws<DomainValidationException>(() => MajorHazardGrading.Assess([Line("汽油", 10), Line("甲醇", -1)], 0));
        Assert.Contains("第2行", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_with_no_chemicals_is_rejected()
    {
        Assert.Throws<DomainValidationException>(() => MajorHazardGrading.Assess([], 0));
    }
}
