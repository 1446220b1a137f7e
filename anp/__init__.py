"""ANP numerics: pairwise priorities, consistency, supermatrices, limit matrices, synthesis."""
