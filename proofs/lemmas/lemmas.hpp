// The factory of every lemma, one per lemma file, declared from proofs/lemmas/lemma_list.inc.
#pragma once

#include "proofs/engine/lemma.hpp"

namespace tc0 {

#define TC0_LEMMA(factory) lemma factory();
#include "proofs/lemmas/lemma_list.inc"
#undef TC0_LEMMA

}  // namespace tc0
