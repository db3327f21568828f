//! Typed positions of entries in the catalog's lists: a place's index cannot be used for a
//! muscle, and only the catalog makes one, so every index in hand points at an entry.

use std::ops::Index;

use super::{Basic, Complaint, Muscle, Region, Technique, Tool};

macro_rules! catalog_index {
    ($(#[$doc:meta])* $name:ident, $entry:ty) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub(crate) usize);

        impl $name {
            /// Its place in the list, from 0.
            pub fn get(self) -> usize {
                self.0
            }
        }

        impl Index<$name> for Vec<$entry> {
            type Output = $entry;
            fn index(&self, ix: $name) -> &$entry {
                &self[ix.0]
            }
        }

        impl Index<$name> for [$entry] {
            type Output = $entry;
            fn index(&self, ix: $name) -> &$entry {
                &self[ix.0]
            }
        }
    };
}

catalog_index!(
    /// A place on the map, in [`super::Catalog::regions`].
    RegionIx,
    Region
);
catalog_index!(
    /// A muscle, in [`super::Catalog::muscles`].
    MuscleIx,
    Muscle
);
catalog_index!(
    /// A technique, in [`super::Catalog::techniques`].
    TechniqueIx,
    Technique
);
catalog_index!(
    /// A tool, in [`super::Catalog::tools`].
    ToolIx,
    Tool
);
catalog_index!(
    /// A piece of background, in [`super::Catalog::basics`].
    BasicIx,
    Basic
);
catalog_index!(
    /// A complaint, in [`super::Catalog::complaints`].
    ComplaintIx,
    Complaint
);
