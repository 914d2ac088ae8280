// Hash maps and sets keyed by std::string, searched with a std::string_view
// (a lookup never builds a temporary string), for the word lists and
// tables the understanding asks word by word.
//
// Open addressing: a flat array of 8-byte slots (part of the hash and an
// entry's index), linear probing, at most half full, beside the entries
// themselves in one array; a cheap hash that reads a word eight bytes at
// a time. A lookup is one hash, usually one cache line of slots and one
// string compare; std::unordered_map's node per entry and division per
// lookup cost about twice that, and most of a message's time is such
// lookups. The API is the part of std::unordered_map/set the engine uses
// (there is no erase); iteration is in insertion order, and inserting may
// move entries (references into the table hold until the next insertion).
#ifndef FAQBOT_INTENTS_STRING_MAP_H_
#define FAQBOT_INTENTS_STRING_MAP_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace faqbot::intents {

// A fast hash of a short string (words, terms). Words are read
// with a few fixed-size loads (no byte loop, no memcpy call), then mixed
// by multiplication.
inline std::uint64_t HashWord(std::string_view s) {
  const auto load8 = [](const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  };
  const auto load4 = [](const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return static_cast<std::uint64_t>(v);
  };
  const auto mix = [](std::uint64_t a, std::uint64_t b) {
    std::uint64_t h = (a ^ 0x9E3779B97F4A7C15ull) * 0xBF58476D1CE4E5B9ull;
    h ^= (b ^ 0x94D049BB133111EBull) * 0x2545F4914F6CDD1Dull;
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 32);
  };
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t h = n;
  if (n >= 8) {
    std::size_t i = 0;
    for (; i + 16 < n; i += 16) h = mix(h ^ load8(p + i), load8(p + i + 8));
    h = mix(h ^ load8(p + n - 16 + (n < 16 ? 16 - n : 0)), load8(p + n - 8));
  } else if (n >= 4) {
    h = mix(h ^ load4(p), load4(p + n - 4));
  } else if (n > 0) {
    const auto byte = [p](std::size_t i) {
      return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i]));
    };
    h = mix(h ^ (byte(0) << 16 | byte(n >> 1) << 8 | byte(n - 1)), 0);
  }
  return h;
}

template <typename V>
class StringMap {
 public:
  using value_type = std::pair<std::string, V>;
  // Entries are kept in insertion order, one after another; the table
  // proper is a power-of-two array of 8-byte slots, each 32 bits of the
  // key's hash and the entry's index (0: empty), at most half full.
  using iterator = typename std::vector<value_type>::iterator;
  using const_iterator = typename std::vector<value_type>::const_iterator;

  StringMap() = default;
  StringMap(std::initializer_list<value_type> entries) {
    for (const auto& e : entries) try_emplace(e.first, e.second);
  }

  iterator begin() { return entries_.begin(); }
  iterator end() { return entries_.end(); }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  void clear() {
    slots_.clear();
    entries_.clear();
  }

  iterator find(std::string_view key) { return begin() + Index(key); }
  const_iterator find(std::string_view key) const {
    return begin() + Index(key);
  }
  bool contains(std::string_view key) const {
    return Index(key) != entries_.size();
  }
  std::size_t count(std::string_view key) const { return contains(key); }

  template <typename... Args>
  std::pair<iterator, bool> try_emplace(std::string_view key, Args&&... args) {
    if (const std::size_t i = Index(key); i != entries_.size()) {
      return {begin() + i, false};
    }
    if (entries_.size() >= 0xFFFFFFFEu) throw std::length_error("StringMap");
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.emplace_back(std::string(key), V(std::forward<Args>(args)...));
    Place(Tag(HashWord(key)), entries_.size() - 1);
    return {end() - 1, true};
  }
  template <typename K, typename... Args>
  std::pair<iterator, bool> emplace(K&& key, Args&&... args) {
    return try_emplace(std::string_view(key), std::forward<Args>(args)...);
  }
  V& operator[](std::string_view key) { return try_emplace(key).first->second; }
  const V& at(std::string_view key) const {
    const std::size_t i = Index(key);
    if (i == entries_.size()) throw std::out_of_range("StringMap::at");
    return entries_[i].second;
  }

 private:
  // The 32 bits of a hash a slot keeps; they also choose the first slot.
  static std::uint32_t Tag(std::uint64_t hash) {
    return static_cast<std::uint32_t>(hash >> 32);
  }
  static std::uint64_t Slot(std::uint32_t tag, std::size_t index) {
    return static_cast<std::uint64_t>(tag) << 32 | (index + 1);
  }
  // The index of `key`'s entry, or entries_.size().
  std::size_t Index(std::string_view key) const {
    if (entries_.empty()) return entries_.size();
    const std::uint32_t tag = Tag(HashWord(key));
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = tag & mask;; at = (at + 1) & mask) {
      const std::uint64_t slot = slots_[at];
      if (slot == 0) return entries_.size();
      const std::size_t i = (slot & 0xFFFFFFFFu) - 1;
      if ((slot >> 32) == tag && entries_[i].first == key) return i;
    }
  }
  void Place(std::uint32_t tag, std::size_t index) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = tag & mask;
    while (slots_[at] != 0) at = (at + 1) & mask;
    slots_[at] = Slot(tag, index);
  }
  void Grow() {
    slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, 0);
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      Place(Tag(HashWord(entries_[i].first)), i);
    }
  }

  std::vector<std::uint64_t> slots_;
  std::vector<value_type> entries_;
};

// A set of strings (word lists): StringMap without values.
class StringSet {
  struct None {};
  using Map = StringMap<None>;

 public:
  class const_iterator {
   public:
    explicit const_iterator(Map::const_iterator it) : it_(it) {}
    const std::string& operator*() const { return it_->first; }
    const std::string* operator->() const { return &it_->first; }
    const_iterator& operator++() {
      ++it_;
      return *this;
    }
    bool operator==(const const_iterator& o) const { return it_ == o.it_; }

   private:
    Map::const_iterator it_;
  };

  StringSet() = default;
  StringSet(std::initializer_list<std::string_view> words) {
    for (const auto w : words) insert(w);
  }
  template <typename It>
  StringSet(It first, It last) {
    for (; first != last; ++first) insert(std::string_view(*first));
  }

  std::pair<const_iterator, bool> insert(std::string_view word) {
    const bool added = map_.try_emplace(word).second;
    return {const_iterator(std::as_const(map_).find(word)), added};
  }
  bool contains(std::string_view word) const { return map_.contains(word); }
  std::size_t count(std::string_view word) const { return contains(word); }
  std::size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }
  void clear() { map_.clear(); }
  const_iterator begin() const { return const_iterator(map_.begin()); }
  const_iterator end() const { return const_iterator(map_.end()); }

 private:
  Map map_;
};

// Whether each string of a list comes there for the first time, asked in
// order (a message's terms, each counted once): a short list's earlier
// strings are searched, a long one's remembered in a set, since searching
// grows with the square of a long message's length.
class FirstTimes {
 public:
  // `strings` must outlive this and not change.
  explicit FirstTimes(const std::vector<std::string>& strings)
      : strings_(strings) {}
  // Whether strings[i] is not among strings[0, i); ask for each i in turn.
  bool operator()(std::size_t i) {
    if (strings_.size() <= kScanned) {
      for (std::size_t j = 0; j < i; ++j) {
        if (strings_[j] == strings_[i]) return false;
      }
      return true;
    }
    // An open-addressing table of the strings' indexes (+1; 0: empty),
    // at most half full: one allocation, no copy of a string.
    if (slots_.empty()) {
      std::size_t capacity = 64;
      while (capacity < 2 * strings_.size()) capacity *= 2;
      slots_.assign(capacity, 0);
    }
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = HashWord(strings_[i]) & mask;; at = (at + 1) & mask) {
      if (slots_[at] == 0) {
        slots_[at] = static_cast<std::uint32_t>(i) + 1;
        return true;
      }
      if (strings_[slots_[at] - 1] == strings_[i]) return false;
    }
  }

 private:
  static constexpr std::size_t kScanned = 24;
  const std::vector<std::string>& strings_;
  std::vector<std::uint32_t> slots_;
};

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_STRING_MAP_H_
