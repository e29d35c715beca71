//! The institute's view: the regional dashboard, report periods with frozen snapshots, and the
//! figures both are built from.

pub mod dashboard;
pub mod figures;
pub mod periods;
pub mod rows;
