//! prongsai

pub mod thai;
