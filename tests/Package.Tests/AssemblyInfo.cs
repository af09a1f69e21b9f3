// Both test classes pack src/Runtime (their PackedHooksmith fixture runs 'dotnet pack'): run in parallel, two packs of
// one project race over its bin folder (NU5026, a .pdb not found). One class at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
