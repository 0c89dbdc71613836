using System.Runtime.CompilerServices;

namespace Orleans.Blockchain.Mining;

/// <summary>Eight words inline, so a template needs no heap arrays.</summary>
[InlineArray(8)]
internal struct Sha256Words8
{
    private uint _word;
}

/// <summary>Sixteen words inline.</summary>
[InlineArray(16)]
internal struct Sha256Words16
{
    private uint _word;
}
