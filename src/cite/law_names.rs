//! The names of Viet Nam's laws, codes and ordinances, as their titles write them after
//! "Luật", "Bộ luật" or "Pháp lệnh": the press cites most of them without a year or symbol
//! ("theo Luật Đất đai", "sửa Luật Phòng, chống tham nhũng"), and only a known name says
//! where such a title ends ("Luật Đầu tư công quy định" is "Đầu tư công", not "Đầu tư").

/// Names of laws, official spelling; a comma in a name may be left out when cited.
#[rustfmt::skip]
pub const LAWS: &[&str] = &[
    "An ninh mạng", "An ninh quốc gia", "An toàn thông tin mạng", "An toàn thực phẩm",
    "An toàn, vệ sinh lao động", "Ban hành văn bản quy phạm pháp luật", "Báo chí",
    "Bảo hiểm tiền gửi", "Bảo hiểm xã hội", "Bảo hiểm y tế", "Bảo vệ bí mật nhà nước",
    "Bảo vệ dữ liệu cá nhân", "Bảo vệ môi trường", "Bảo vệ quyền lợi người tiêu dùng",
    "Bảo vệ sức khỏe nhân dân", "Bảo vệ và kiểm dịch thực vật", "Bảo vệ và phát triển rừng",
    "Bảo vệ, chăm sóc và giáo dục trẻ em", "Bầu cử đại biểu Hội đồng nhân dân",
    "Bầu cử đại biểu Quốc hội", "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
    "Biên giới quốc gia", "Biên phòng Việt Nam", "Biển Việt Nam", "Bình đẳng giới",
    "Bưu chính", "Các tổ chức tín dụng", "Cán bộ, công chức", "Căn cước", "Căn cước công dân",
    "Cạnh tranh", "Cảnh sát biển Việt Nam", "Cảnh sát cơ động", "Cảnh vệ", "Chăn nuôi",
    "Chất lượng sản phẩm, hàng hóa", "Chứng khoán", "Chuyển giao công nghệ", "Công an nhân dân",
    "Công an xã", "Công chứng", "Công đoàn", "Công nghệ cao", "Công nghệ thông tin",
    "Công nghiệp công nghệ số", "Công nghiệp quốc phòng, an ninh và động viên công nghiệp",
    "Cư trú", "Dân quân tự vệ", "Dạy nghề", "Dầu khí", "Di sản văn hóa", "Doanh nghiệp",
    "Doanh nghiệp nhà nước", "Du lịch", "Dữ liệu", "Dược", "Đa dạng sinh học", "Đặc xá",
    "Đất đai", "Đấu giá tài sản", "Đấu thầu", "Đầu tư", "Đầu tư công",
    "Đầu tư nước ngoài tại Việt Nam", "Đầu tư theo phương thức đối tác công tư", "Đê điều",
    "Địa chất và khoáng sản", "Điện ảnh", "Điện lực", "Điều ước quốc tế", "Đo đạc và bản đồ",
    "Đo lường", "Đơn vị hành chính - kinh tế đặc biệt", "Đường bộ", "Đường sắt", "Giá",
    "Giám định tư pháp", "Giao dịch điện tử", "Giao thông đường bộ",
    "Giao thông đường thủy nội địa", "Giáo dục", "Giáo dục đại học", "Giáo dục nghề nghiệp",
    "Giáo dục quốc phòng và an ninh", "Hải quan", "Hàng không dân dụng Việt Nam", "Hóa chất",
    "Hòa giải ở cơ sở", "Hòa giải, đối thoại tại Tòa án",
    "Hoạt động giám sát của Quốc hội và Hội đồng nhân dân", "Hoạt động chữ thập đỏ",
    "Hôn nhân và gia đình", "Hộ tịch", "Hỗ trợ doanh nghiệp nhỏ và vừa", "Hợp tác xã",
    "Kế toán", "Khám bệnh, chữa bệnh", "Khí tượng thủy văn", "Khiếu nại", "Khiếu nại, tố cáo",
    "Khoa học và công nghệ", "Khoáng sản", "Kiểm toán độc lập", "Kiểm toán nhà nước",
    "Kiến trúc", "Kinh doanh bảo hiểm", "Kinh doanh bất động sản", "Lâm nghiệp", "Luật sư",
    "Lực lượng dự bị động viên", "Lưu trữ", "Lý lịch tư pháp", "Mặt trận Tổ quốc Việt Nam",
    "Ngân hàng Nhà nước Việt Nam", "Ngân sách nhà nước", "Nghĩa vụ quân sự", "Người cao tuổi",
    "Người khuyết tật",
    "Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng", "Nhà ở",
    "Năng lượng nguyên tử", "Nuôi con nuôi",
    "Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam", "Phá sản",
    "Phí và lệ phí", "Phòng cháy và chữa cháy", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "Phòng thủ dân sự", "Phòng, chống bạo lực gia đình", "Phòng, chống bệnh truyền nhiễm", "Phòng, chống HIV/AIDS",
    "Phòng, chống khủng bố", "Phòng, chống ma túy", "Phòng, chống mua bán người",
    "Phòng, chống rửa tiền", "Phòng, chống tác hại của rượu, bia",
    "Phòng, chống tác hại của thuốc lá", "Phòng, chống tham nhũng", "Phòng, chống thiên tai",
    "Phổ biến, giáo dục pháp luật", "Quản lý ngoại thương", "Quản lý nợ công", "Quản lý thuế",
    "Quản lý, sử dụng tài sản công", "Quản lý, sử dụng tài sản nhà nước",
    "Quản lý, sử dụng vốn nhà nước đầu tư vào sản xuất, kinh doanh tại doanh nghiệp",
    "Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ", "Quảng cáo",
    "Quân nhân chuyên nghiệp, công nhân và viên chức quốc phòng", "Quốc phòng",
    "Quốc tịch Việt Nam", "Quy hoạch", "Quy hoạch đô thị", "Quy hoạch đô thị và nông thôn",
    "Sĩ quan Quân đội nhân dân Việt Nam", "Sở hữu trí tuệ",
    "Sử dụng năng lượng tiết kiệm và hiệu quả", "Tài nguyên nước",
    "Tài nguyên, môi trường biển và hải đảo", "Tần số vô tuyến điện", "Thanh niên", "Thanh tra",
    "Thể dục, thể thao", "Thi đua, khen thưởng", "Thi hành án dân sự", "Thi hành án hình sự",
    "Thi hành tạm giữ, tạm giam", "Thống kê", "Thực hiện dân chủ ở cơ sở", "Thú y", "Thủ đô", "Thủy lợi", "Thủy sản",
    "Thư viện", "Thuế bảo vệ môi trường", "Thuế giá trị gia tăng",
    "Thuế sử dụng đất nông nghiệp", "Thuế sử dụng đất phi nông nghiệp", "Thuế tài nguyên",
    "Thuế thu nhập cá nhân", "Thuế thu nhập doanh nghiệp", "Thuế tiêu thụ đặc biệt",
    "Thuế xuất khẩu, thuế nhập khẩu", "Thương mại", "Thương mại điện tử", "Thỏa thuận quốc tế",
    "Tiếp cận thông tin", "Tiếp công dân", "Tiêu chuẩn và quy chuẩn kỹ thuật",
    "Tín ngưỡng, tôn giáo", "Tố cáo", "Tố tụng hành chính", "Tổ chức chính quyền địa phương",
    "Tổ chức Chính phủ", "Tổ chức cơ quan điều tra hình sự",
    "Tổ chức Hội đồng nhân dân và Ủy ban nhân dân", "Tổ chức Quốc hội",
    "Tổ chức Tòa án nhân dân", "Tổ chức Viện kiểm sát nhân dân",
    "Trách nhiệm bồi thường của Nhà nước", "Trật tự, an toàn giao thông đường bộ", "Trẻ em",
    "Trồng trọt", "Trợ giúp pháp lý", "Trưng cầu ý dân", "Tương trợ tư pháp", "Viên chức",
    "Viễn thông", "Việc làm", "Xây dựng", "Xuất bản",
    "Xuất cảnh, nhập cảnh của công dân Việt Nam", "Xử lý vi phạm hành chính",
];

/// Names of the codes ("Bộ luật Hình sự"); cited as "Luật Hình sự", they are still the code.
pub const CODES: &[&str] = &[
    "Dân sự",
    "Hình sự",
    "Lao động",
    "Tố tụng dân sự",
    "Tố tụng hình sự",
    "Hàng hải Việt Nam",
];

/// Names of ordinances still cited in the press ("Pháp lệnh Ưu đãi người có công").
#[rustfmt::skip]
pub const ORDINANCES: &[&str] = &[
    "Ưu đãi người có công với cách mạng", "Phí và lệ phí", "Dân số", "Tín ngưỡng, tôn giáo",
    "Chống tham nhũng", "Cán bộ, công chức", "Quản lý thị trường", "Thú y", "Giống cây trồng",
    "Án phí, lệ phí Tòa án", "Tình trạng khẩn cấp", "Xử lý vi phạm hành chính",
    "Chi phí tố tụng", "Thẩm phán và Hội thẩm Tòa án nhân dân",
];
