using System.ComponentModel;
using GraphQL;
using GraphQL.Types;

namespace Troc.Graph.Moderation;

/// <summary>The member a block is about.</summary>
public sealed class UserIdInput
{
    [Description("The member's id (`User.id`).")]
    [Id]
    public string UserId { get; set; } = "";
}

public sealed class BlockUserInputType : AutoRegisteringInputObjectGraphType<UserIdInput>
{
    public BlockUserInputType()
    {
        Name = "BlockUserInput";
        Description = "The member to block.";
    }
}

public sealed class UnblockUserInputType : AutoRegisteringInputObjectGraphType<UserIdInput>
{
    public UnblockUserInputType()
    {
        Name = "UnblockUserInput";
        Description = "The member to unblock.";
    }
}
