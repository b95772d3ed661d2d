"""Finding who is named and who said what: entities, quotations, engines, the result cache."""
