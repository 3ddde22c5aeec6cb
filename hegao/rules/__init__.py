"""Rule modules, one per rule family; each rule class carries its own metadata."""
