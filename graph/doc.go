// Package graph is a small, generic, deterministic directed graph used for
// dependency ordering. It imports only the standard library.
//
// Contract:
//   - Edge direction: Connect(from, to) records that from depends on to. An
//     edge therefore points from a dependent to its dependency, as in
//     Terraform's graphs, and TopoOrder lists dependencies before their
//     dependents.
//   - Determinism: every slice a method returns is sorted with the less
//     function given to New (ties, if less is not a strict total order, are
//     broken by insertion order), and every algorithm visits vertices in
//     that order, so the same graph always yields the same results. No map
//     iteration order ever leaks.
//   - Vertices are identified by their value (K must be comparable); the
//     graph knows nothing about source ranges or diagnostics. Callers turn a
//     *CycleError into whatever diagnostic fits.
//   - Slices returned are fresh; callers may modify them.
//   - A Graph is not safe for concurrent mutation. Concurrent readers are
//     safe only while no goroutine calls Add or Connect.
//   - Memory is proportional to V+E: vertices are interned to int32 ids and
//     adjacency is kept in slices, so graphs of several hundred thousand
//     vertices are fine. TransitiveReduction is the exception (see its doc).
package graph
