using Dashboard.Preview;

namespace Dashboard.Tests.Preview;

public class SmsSegmentsTests
{
    [Fact]
    public void Calculate_EmptyText_ZeroSegmentsInGsm7()
    {
        var result = SmsSegments.Calculate("");

        Assert.Equal(SmsEncoding.Gsm7, result.Encoding);
        Assert.Equal(0, result.Segments);
        Assert.Equal(0, result.CharacterCount);
        Assert.Empty(result.Ucs2Characters);
    }

    [Fact]
    public void Calculate_PlainAscii_IsGsm7OneSegment()
    {
        var result = SmsSegments.Calculate("Hi Ana, your order #123 has shipped!");

        Assert.Equal(SmsEncoding.Gsm7, result.Encoding);
        Assert.Equal(1, result.Segments);
        Assert.Equal(36, result.CharacterCount);
        Assert.Equal(36, result.EncodedLength);
        Assert.Equal(124, result.RemainingInLastSegment);
    }

    [Fact]
    public void Calculate_GsmAccentsAndGreek_StayGsm7()
    {
        var result = SmsSegments.Calculate("Café à Zürich: 5£ ¥ § ¿¡ ΔΦΓΛΩΠΨΣΘΞ ÆæßÉ ÄÖÑÜäöñü @$_\r\n");

        Assert.Equal(SmsEncoding.Gsm7, result.Encoding);
        Assert.Empty(result.Ucs2Characters);
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Calculate_Gsm7Lengths_Use160Then153(int length, int segments)
    {
        var result = SmsSegments.Calculate(new string('a', length));

        Assert.Equal(SmsEncoding.Gsm7, result.Encoding);
        Assert.Equal(segments, result.Segments);
        Assert.Equal(length, result.EncodedLength);
    }

    [Fact]
    public void Calculate_ExtensionCharacters_CountTwice()
    {
        var result = SmsSegments.Calculate("^{}\\[~]|€");

        Assert.Equal(SmsEncoding.Gsm7, result.Encoding);
        Assert.Equal(9, result.CharacterCount);
        Assert.Equal(18, result.EncodedLength);
    }

    [Fact]
    public void Calculate_ExtensionCharacterPushesPast160_TakesTwoSegments()
    {
        var result = SmsSegments.Calculate(new string('a', 159) + "€");

        Assert.Equal(161, result.EncodedLength);
        Assert.Equal(2, result.Segments);
    }

    [Fact]
    public void Calculate_ExtensionCharacterAtSegmentBoundary_IsNotSplit()
    {
        // 152 septets then a two-septet '€': it cannot straddle the 153 boundary, so it opens segment two.
        var text = new string('a', 152) + "€" + new string('a', 152);

        var result = SmsSegments.Calculate(text);

        Assert.Equal(306, result.EncodedLength);
        Assert.Equal(3, result.Segments);
    }

    [Fact]
    public void Calculate_Emoji_ForcesUcs2AndCountsSurrogatePairAsTwo()
    {
        var result = SmsSegments.Calculate("Sale 🎉 today");

        Assert.Equal(SmsEncoding.Ucs2, result.Encoding);
        Assert.Equal(12, result.CharacterCount);
        Assert.Equal(13, result.EncodedLength);
        Assert.Equal(["🎉"], result.Ucs2Characters);
        Assert.Equal(1, result.Segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Calculate_Ucs2Lengths_Use70Then67(int length, int segments)
    {
        var result = SmsSegments.Calculate("ç" + new string('a', length - 1));

        Assert.Equal(SmsEncoding.Ucs2, result.Encoding);
        Assert.Equal(segments, result.Segments);
        Assert.Equal(length, result.EncodedLength);
    }

    [Fact]
    public void Calculate_Ucs2Characters_AreDistinctInOrderOfAppearance()
    {
        var result = SmsSegments.Calculate("“Quote” — ç and ç again, “twice”");

        Assert.Equal(["“", "”", "—", "ç"], result.Ucs2Characters);
    }

    [Fact]
    public void Calculate_SurrogatePairAtUcs2Boundary_IsNotSplit()
    {
        // 66 units, then a two-unit emoji that cannot fit in the first 67-unit segment.
        var text = "ç" + new string('a', 65) + "😀" + new string('a', 66);

        var result = SmsSegments.Calculate(text);

        Assert.Equal(134, result.EncodedLength);
        Assert.Equal(3, result.Segments);
    }

    [Fact]
    public void ToString_DescribesSegmentsEncodingAndCharacters()
    {
        Assert.Equal("2 segments · GSM-7 · 170 characters", SmsSegments.Calculate(new string('x', 170)).ToString());
    }
}
