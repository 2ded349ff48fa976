using Troc.Graph.Common;

namespace Troc.Tests.Schema;

public sealed class GlobalIdTests
{
    [Fact]
    public void Encoded_ids_round_trip_and_do_not_show_the_key_in_clear()
    {
        var id = GlobalId.Encode("Category", 101);

        Assert.DoesNotContain("101", id);
        Assert.True(GlobalId.TryDecode(id, out var typeName, out var key));
        Assert.Equal(("Category", "101"), (typeName, key));
        Assert.True(GlobalId.TryDecodeInt(id, "Category", out var number));
        Assert.Equal(101, number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("Q2F0ZWdvcnk")]        // "Category" without a key
    [InlineData("OjEwMQ")]             // ":101" without a type
    public void Malformed_ids_are_refused_without_throwing(string id) =>
        Assert.False(GlobalId.TryDecode(id, out _, out _));

    [Fact]
    public void An_id_of_another_type_is_refused_where_a_type_is_expected() =>
        Assert.False(GlobalId.TryDecodeInt(GlobalId.Encode("Listing", 1), "Category", out _));

    [Fact]
    public void Guid_keys_round_trip()
    {
        var key = Guid.NewGuid();
        Assert.True(GlobalId.TryDecodeGuid(GlobalId.Encode("User", key.ToString("N")), "User", out var decoded));
        Assert.Equal(key, decoded);
    }
}
