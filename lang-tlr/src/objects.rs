//! TLR's one kind of heap object: the register array `ALLOCATE n` creates.
//! Its layout (header word, length word, then 64-bit items) is described to
//! metajit by a descriptor, so traces can read and write it directly.

use metajit::ir::{ArrayDescr, Type};

pub const REGS_TYPE_ID: u32 = 1;

pub static REGS: ArrayDescr = ArrayDescr {
    name: "regs",
    type_id: REGS_TYPE_ID,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Int,
};
